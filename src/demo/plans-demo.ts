import type { Actor } from "../audit/actor.ts";
import type { Db } from "../core/db/create-db.ts";
import { requirePartnershipRef } from "../partnerships/service.ts";
import { emptySnapshot, type PlanSnapshot } from "../plans/snapshot.ts";
import { type DemoPartnership, demoPartnershipSchema } from "./demo-schema.ts";

/**
 * Publishes version 1 of each demo partnership's plan from its demo records,
 * so the portal has a published Joint Action Plan to show. Demo items cite
 * the reference documents listed in the demo file, not stored sources.
 */
export async function loadPlanDemo(db: Db, actor: Actor, demos: readonly DemoPartnership[]): Promise<void> {
  for (const raw of demos) {
    const demo = demoPartnershipSchema.parse(raw);
    const ref = await requirePartnershipRef(db, demo.partnership.slug);
    const p = demo.partnership;
    const plan: PlanSnapshot = {
      ...emptySnapshot(1),
      partnership: {
        parties: [],
        level: p.level ?? null,
        established: p.since ?? null,
        place: p.place ?? null,
        previous_level: p.history?.at(-1)?.level ?? null,
        citations: [],
      },
      pillars: demo.pillars.map((x) => ({ code: x.code, name: x.name, citations: [] })),
      commitments: demo.commitments.map((c) => ({
        code: c.code,
        text: c.text,
        pillar: c.pillar,
        actors: c.actors,
        deadline: c.deadline,
        citations: [],
      })),
      instruments: demo.instruments.map((i) => ({
        name: i.name,
        aliases: i.aliases,
        kind: i.kind,
        status: i.status,
        citations: [],
      })),
      targets: demo.targets.map((t) => ({
        text: t.text,
        quantity: t.multiple ? `${t.multiple}x` : t.targetValue === null ? null : String(t.targetValue),
        deadline: t.deadline,
        citations: [],
      })),
      history: demo.history.map((h) => ({ date: h.date, event: h.event, citations: [] })),
    };
    const parties = await db
      .selectFrom("countries")
      .select("name_en")
      .where("code", "in", [ref.partyA, ref.partyB])
      .execute();
    if (plan.partnership) plan.partnership.parties = parties.map((x) => x.name_en);
    await db
      .insertInto("plan_versions")
      .values({
        partnership_id: ref.id,
        number: 1,
        snapshot: JSON.stringify(plan),
        note: "Demo plan built from Entente's own summary of the public documents",
        published_by: actor.userId,
      })
      .execute();
  }
}
