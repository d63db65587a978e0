import { z } from "zod";
import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import type { PartnershipRef } from "../http/access.ts";
import { keywords, overlap } from "./keys.ts";
import { latestPlan } from "./repository.ts";
import {
  emptySnapshot,
  type PlanSnapshot,
  planCommitmentSchema,
  planHistorySchema,
  planInstrumentSchema,
  planPartnershipSchema,
  planPersonSchema,
  planPillarSchema,
  planTargetSchema,
  storedCitationSchema,
} from "./snapshot.ts";

const proposedUpdateSchema = z.object({
  subjectType: z.enum(["commitment", "instrument"]),
  subjectKey: z.string(),
  note: z.string(),
  newStatus: z.enum(["substantial", "complete"]).nullable(),
  citations: z.array(storedCitationSchema),
});

/**
 * Publishes plan version N+1: the previous version plus every accepted,
 * unpublished review item. Pillars and commitments get stable codes (P1…,
 * C1…) and are written to the pillar, commitment, instrument and target
 * tables (upserted by code or name, so tracking attached to them survives);
 * accepted proposed updates enter the tracking workflow as pending updates.
 * Refused while conflicts are unresolved or when nothing was accepted.
 */
export async function publishPlan(db: Db, actor: Actor, partnership: PartnershipRef, note: string | null = null) {
  return db.transaction().execute(async (tx) => {
    const conflicts = await tx
      .selectFrom("review_items")
      .select(["id", "payload"])
      .where("partnership_id", "=", partnership.id)
      .where("category", "=", "conflict")
      .where("status", "=", "pending")
      .execute();
    if (conflicts.length > 0) {
      const about = conflicts.map((c) => `#${c.id} ${String(Reflect.get(Object(c.payload), "about") ?? "")}`.trim());
      throw new AppError("conflict", `Resolve ${conflicts.length} conflict(s) before publishing: ${about.join("; ")}`, {
        conflicts: conflicts.map((c) => c.id),
      });
    }
    const accepted = await tx
      .selectFrom("review_items")
      .selectAll()
      .where("partnership_id", "=", partnership.id)
      .where("status", "=", "accepted")
      .where("published_in", "is", null)
      .orderBy("id")
      .execute();
    if (accepted.length === 0) throw new AppError("invalid", "Nothing to publish: accept review items first");

    const previous = await latestPlan(tx, partnership.id);
    const number = (previous?.version ?? 0) + 1;
    const plan: PlanSnapshot = previous ? { ...structuredClone(previous), version: number } : emptySnapshot(number);
    const updates: z.infer<typeof proposedUpdateSchema>[] = [];
    for (const item of accepted) {
      const p = item.payload;
      switch (item.category) {
        case "partnership":
          plan.partnership = planPartnershipSchema.parse(p);
          break;
        case "pillar":
          plan.pillars.push(planPillarSchema.parse({ ...Object(p), code: nextCode("P", plan.pillars) }));
          break;
        case "commitment":
          plan.commitments.push(planCommitmentSchema.parse({ ...Object(p), code: nextCode("C", plan.commitments) }));
          break;
        case "instrument":
          plan.instruments.push(planInstrumentSchema.parse(p));
          break;
        case "target":
          plan.targets.push(planTargetSchema.parse(p));
          break;
        case "person":
          plan.people.push(planPersonSchema.parse(p));
          break;
        case "history":
          plan.history.push(planHistorySchema.parse(p));
          break;
        case "update":
          updates.push(proposedUpdateSchema.parse(p));
          break;
      }
    }
    // A commitment's pillar is kept by name; point it at the closest published pillar.
    for (const c of plan.commitments) c.pillar = closestPillar(plan, c.pillar);

    await writeTables(tx, partnership, plan);
    for (const u of updates) await queueTrackingUpdate(tx, actor, partnership, u);
    await tx
      .insertInto("plan_versions")
      .values({
        partnership_id: partnership.id,
        number,
        snapshot: JSON.stringify(plan),
        note,
        published_by: actor.userId,
      })
      .execute();
    await tx
      .updateTable("review_items")
      .set({ published_in: number })
      .where(
        "id",
        "in",
        accepted.map((a) => a.id),
      )
      .execute();
    await recordAudit(tx, actor, {
      partnershipId: partnership.id,
      entityType: "plan_version",
      entityId: number,
      action: "publish",
      after: { items: accepted.length, updates: updates.length },
    });
    return { version: number, items: accepted.length, updates: updates.length };
  });
}

function nextCode(prefix: string, items: readonly { code: string }[]): string {
  const max = Math.max(0, ...items.map((i) => Number(i.code.slice(prefix.length)) || 0));
  return `${prefix}${max + 1}`;
}

function closestPillar(plan: PlanSnapshot, name: string | null): string | null {
  if (!name) return null;
  const exact = plan.pillars.find((p) => p.name === name || p.code === name);
  if (exact) return exact.code;
  const words = keywords(name);
  const best = plan.pillars
    .map((p) => ({ code: p.code, score: overlap(words, keywords(p.name)) }))
    .sort((a, b) => b.score - a.score)[0];
  return best && best.score >= 0.5 ? best.code : null;
}

/** Mirrors the plan into the tables tracking works on, keeping ids of existing rows. */
async function writeTables(tx: DbOrTx, partnership: PartnershipRef, plan: PlanSnapshot) {
  const pid = partnership.id;
  const pillarIds = new Map<string, number>();
  for (const [i, p] of plan.pillars.entries()) {
    const row = await tx
      .insertInto("pillars")
      .values({ partnership_id: pid, code: p.code, name: p.name, sort: i })
      .onConflict((oc) => oc.columns(["partnership_id", "code"]).doUpdateSet({ name: p.name, sort: i }))
      .returning("id")
      .executeTakeFirstOrThrow();
    pillarIds.set(p.code, row.id);
  }
  for (const ins of plan.instruments) {
    const existing = await tx
      .selectFrom("instruments")
      .select("id")
      .where("partnership_id", "=", pid)
      .where("name", "=", ins.name)
      .executeTakeFirst();
    if (existing) continue;
    await tx
      .insertInto("instruments")
      .values({
        partnership_id: pid,
        name: ins.name,
        aliases: JSON.stringify(ins.aliases),
        kind: ins.kind,
        status: ins.status,
        parties: JSON.stringify(plan.partnership?.parties ?? []),
      })
      .execute();
  }
  for (const c of plan.commitments) {
    const pillarId = c.pillar ? (pillarIds.get(c.pillar) ?? null) : null;
    await tx
      .insertInto("commitments")
      .values({
        partnership_id: pid,
        code: c.code,
        text: c.text,
        pillar_id: pillarId,
        actors: JSON.stringify(c.actors),
        deadline: c.deadline,
      })
      .onConflict((oc) =>
        oc.columns(["partnership_id", "code"]).doUpdateSet({
          text: c.text,
          pillar_id: pillarId,
          actors: JSON.stringify(c.actors),
          deadline: c.deadline,
        }),
      )
      .execute();
  }
  for (const t of plan.targets) {
    const existing = await tx
      .selectFrom("targets")
      .select("id")
      .where("partnership_id", "=", pid)
      .where("text", "=", t.text)
      .executeTakeFirst();
    if (existing) continue;
    const multiple = /^(\d+(?:\.\d+)?)x$/.exec(t.quantity ?? "");
    await tx
      .insertInto("targets")
      .values({
        partnership_id: pid,
        text: t.text,
        kind: multiple ? "relative" : "absolute",
        multiple: multiple ? Number(multiple[1]) : null,
        deadline: t.deadline,
      })
      .execute();
  }
}

/** An accepted progress statement becomes a pending update awaiting both sides' sign-off. */
async function queueTrackingUpdate(
  tx: DbOrTx,
  actor: Actor,
  partnership: PartnershipRef,
  u: z.infer<typeof proposedUpdateSchema>,
) {
  const subject =
    u.subjectType === "commitment"
      ? await tx
          .selectFrom("commitments")
          .select("id")
          .where("partnership_id", "=", partnership.id)
          .where("code", "=", u.subjectKey)
          .executeTakeFirst()
      : await tx
          .selectFrom("instruments")
          .select("id")
          .where("partnership_id", "=", partnership.id)
          .where("name", "=", u.subjectKey)
          .executeTakeFirst();
  if (!subject) return;
  const row = await tx
    .insertInto("updates")
    .values({
      partnership_id: partnership.id,
      subject_type: u.subjectType,
      subject_id: subject.id,
      note: u.note,
      new_status: u.subjectType === "commitment" ? u.newStatus : null,
      evidence: JSON.stringify(u.citations.map((c) => ({ citation: c }))),
      state: "pending",
      author_id: actor.userId,
      source_id: u.citations[0]?.sourceId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(tx, actor, {
    partnershipId: partnership.id,
    entityType: "update",
    entityId: row.id,
    action: "propose",
    after: u,
  });
}
