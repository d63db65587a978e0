import type { Actor } from "../audit/actor.ts";
import type { Db } from "../core/db/create-db.ts";
import { createPartnership } from "../partnerships/service.ts";
import { auVn } from "./data/au-vn.ts";
import { frVn } from "./data/fr-vn.ts";
import { gbVn } from "./data/gb-vn.ts";
import { type DemoPartnership, demoPartnershipSchema } from "./demo-schema.ts";
import { loadIndicatorDemo } from "./indicators-demo.ts";
import { loadPlanDemo } from "./plans-demo.ts";
import { loadTrackingDemo } from "./tracking-demo.ts";

export const DEMO_PARTNERSHIPS: readonly DemoPartnership[] = [gbVn, auVn, frVn];

const DEMO_ACTOR: Actor = { userId: null, label: "demo" };

/** Loads the demo when the database has no partnership; returns the slugs loaded. */
export async function loadDemoIfEmpty(db: Db): Promise<string[] | null> {
  const row = await db
    .selectFrom("partnerships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  if (Number(row?.n ?? 0) > 0) return null;
  return loadDemo(db);
}

/**
 * Loads every demo partnership with its pillars, instruments, commitments and
 * targets, then the later stages, which need all base records to exist:
 * indicator series, published plan versions and tracking.
 */
export async function loadDemo(db: Db, actor: Actor = DEMO_ACTOR): Promise<string[]> {
  const slugs: string[] = [];
  for (const raw of DEMO_PARTNERSHIPS) {
    const demo = demoPartnershipSchema.parse(raw);
    const p = await createPartnership(db, actor, demo.partnership);
    await db.transaction().execute(async (tx) => {
      const partnership = await tx
        .selectFrom("partnerships")
        .select("id")
        .where("slug", "=", p.slug)
        .executeTakeFirstOrThrow();
      const pid = partnership.id;
      if (demo.history.length > 0) {
        await tx
          .insertInto("partnership_events")
          .values(demo.history.map((h) => ({ partnership_id: pid, date: h.date, event: h.event })))
          .execute();
      }
      const pillarIds = new Map<string, number>();
      for (const [i, pillar] of demo.pillars.entries()) {
        const r = await tx
          .insertInto("pillars")
          .values({ partnership_id: pid, code: pillar.code, name: pillar.name, name_vi: pillar.nameVi, sort: i })
          .returning("id")
          .executeTakeFirstOrThrow();
        pillarIds.set(pillar.code, r.id);
      }
      const instrumentIds = new Map<string, number>();
      for (const ins of demo.instruments) {
        const r = await tx
          .insertInto("instruments")
          .values({
            partnership_id: pid,
            name: ins.name,
            aliases: JSON.stringify(ins.aliases),
            kind: ins.kind,
            status: ins.status,
            parties: JSON.stringify(p.parties.map((x) => x.name)),
            signed_on: ins.signedOn,
            in_force_on: ins.inForceOn,
            url: ins.url,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        instrumentIds.set(ins.key, r.id);
      }
      const commitmentIds = new Map<string, number>();
      for (const c of demo.commitments) {
        const r = await tx
          .insertInto("commitments")
          .values({
            partnership_id: pid,
            pillar_id: pillarIds.get(c.pillar) ?? null,
            instrument_id: c.instrument ? (instrumentIds.get(c.instrument) ?? null) : null,
            code: c.code,
            text: c.text,
            actors: JSON.stringify(c.actors),
            deadline: c.deadline,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        commitmentIds.set(c.code, r.id);
      }
      for (const t of demo.targets) {
        await tx
          .insertInto("targets")
          .values({
            partnership_id: pid,
            commitment_id: t.commitment ? (commitmentIds.get(t.commitment) ?? null) : null,
            text: t.text,
            kind: t.kind,
            multiple: t.multiple,
            target_value: t.targetValue,
            unit: t.unit,
            deadline: t.deadline,
            deadline_assumed: t.deadlineAssumed,
          })
          .execute();
      }
    });
    slugs.push(p.slug);
  }
  await loadIndicatorDemo(db, actor, DEMO_PARTNERSHIPS);
  await loadPlanDemo(db, actor, DEMO_PARTNERSHIPS);
  await loadTrackingDemo(db, actor);
  return slugs;
}
