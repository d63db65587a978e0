import { SYSTEM_ACTOR } from "../audit/actor.ts";
import type { Db } from "../core/db/create-db.ts";
import type { PartnershipRef } from "../http/access.ts";
import { createPartnership, requirePartnershipRef } from "../partnerships/service.ts";

export interface TrackingFixture {
  ref: PartnershipRef;
  /** Commitment ids by code: C1 and C2 under pillar P1, C3 under P2. */
  commitments: Record<"C1" | "C2" | "C3", number>;
}

/**
 * A partnership with two pillars and three commitments, for tracking tests.
 *
 * @example
 *   const { ref } = await seedTrackingPartnership(db, { parties: ["GB", "VN"] });
 */
export async function seedTrackingPartnership(
  db: Db,
  opts: { parties?: [string, string]; singleSideSignoff?: boolean } = {},
): Promise<TrackingFixture> {
  const created = await createPartnership(db, SYSTEM_ACTOR, {
    parties: opts.parties ?? ["GB", "VN"],
    settings: { singleSideSignoff: opts.singleSideSignoff === true },
  });
  const ref = await requirePartnershipRef(db, created.slug);
  const pillar = async (code: string, sort: number) =>
    (
      await db
        .insertInto("pillars")
        .values({ partnership_id: ref.id, code, name: `Pillar ${code}`, sort })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const p1 = await pillar("P1", 0);
  const p2 = await pillar("P2", 1);
  const commitment = async (code: string, pillarId: number, deadline: string | null) =>
    (
      await db
        .insertInto("commitments")
        .values({
          partnership_id: ref.id,
          pillar_id: pillarId,
          code,
          text: `Commitment ${code}`,
          actors: JSON.stringify([]),
          deadline,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  return {
    ref,
    commitments: {
      C1: await commitment("C1", p1, "2030"),
      C2: await commitment("C2", p1, null),
      C3: await commitment("C3", p2, "2020"),
    },
  };
}
