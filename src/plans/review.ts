import { z } from "zod";
import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import type { PartnershipRef } from "../http/access.ts";
import { partialDate } from "../partnerships/schema.ts";

export const REVIEW_CATEGORIES = [
  "partnership",
  "pillar",
  "instrument",
  "target",
  "person",
  "history",
  "commitment",
  "conflict",
  "update",
] as const;

export const decisionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), version: z.number().int().positive() }),
  z.object({ action: z.literal("reject"), version: z.number().int().positive() }),
  z.object({
    action: z.literal("edit"),
    version: z.number().int().positive(),
    text: z.string().trim().min(1).max(2000).optional(),
    pillar: z.string().trim().max(300).nullable().optional(),
    actors: z.array(z.string().trim().min(1).max(200)).max(10).optional(),
    deadline: partialDate.nullable().optional(),
  }),
  z.object({ action: z.literal("merge"), version: z.number().int().positive(), into: z.number().int().positive() }),
  z.object({ action: z.literal("resolve"), version: z.number().int().positive(), value: z.string().min(1).max(2000) }),
]);
export type Decision = z.infer<typeof decisionSchema>;

/** The review queue with each item's citations and the titles of their sources. */
export async function listReviewItems(
  db: DbOrTx,
  partnershipId: number,
  filter: { status?: string | undefined; category?: string | undefined } = {},
) {
  let q = db.selectFrom("review_items").selectAll().where("partnership_id", "=", partnershipId);
  if (filter.status) q = q.where("status", "=", filter.status);
  if (filter.category) q = q.where("category", "=", filter.category);
  const rows = await q.orderBy("category").orderBy("id").execute();
  const sources = await db
    .selectFrom("sources")
    .select(["id", "title"])
    .where("partnership_id", "=", partnershipId)
    .execute();
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    status: r.status,
    version: r.version,
    payload: withSourceTitles(r.payload, titles),
    subject: r.subject,
    mergedInto: r.merged_into,
    publishedIn: r.published_in,
    decidedBy: r.decided_by_label,
    decidedAt: r.decided_at,
  }));
}

function withSourceTitles(payload: unknown, titles: Map<number, string>): unknown {
  if (!payload || typeof payload !== "object") return payload;
  const citations: unknown = Reflect.get(payload, "citations");
  if (!Array.isArray(citations)) return payload;
  return {
    ...payload,
    citations: citations.map((c: unknown) => {
      const id: unknown = c && typeof c === "object" ? Reflect.get(c, "sourceId") : undefined;
      return c && typeof c === "object"
        ? { ...c, sourceTitle: typeof id === "number" ? titles.get(id) : undefined }
        : c;
    }),
  };
}

/**
 * Applies one reviewer decision to one queued item: accept, reject, edit
 * (text, pillar, actors, deadline), merge into another item (its citations
 * join the other's) or resolve a conflict by choosing a value. Stale
 * versions get `conflict`; published items cannot change.
 */
export async function decideReviewItem(db: Db, actor: Actor, partnership: PartnershipRef, id: number, d: Decision) {
  return db.transaction().execute(async (tx) => {
    const item = await tx
      .selectFrom("review_items")
      .selectAll()
      .where("id", "=", id)
      .where("partnership_id", "=", partnership.id)
      .executeTakeFirst();
    if (!item) throw new AppError("not_found", `No review item ${id}`);
    if (item.version !== d.version) {
      throw new AppError("conflict", `Review item ${id} was changed by someone else`, { current: item });
    }
    if (item.published_in !== null)
      throw new AppError("conflict", `Item ${id} is already published in version ${item.published_in}`);
    const payload: Record<string, unknown> =
      item.payload && typeof item.payload === "object" ? { ...item.payload } : {};
    let status = item.status;
    let mergedInto: number | null = item.merged_into;
    switch (d.action) {
      case "accept":
        if (item.category === "conflict" && payload.chosen == null) {
          throw new AppError("invalid", "Resolve a conflict by choosing a value (action: resolve)");
        }
        status = "accepted";
        break;
      case "reject":
        status = "rejected";
        break;
      case "edit": {
        if (["conflict", "partnership"].includes(item.category))
          throw new AppError("invalid", `A ${item.category} item cannot be edited`);
        const textKey = "text" in payload ? "text" : "event" in payload ? "event" : "name";
        if (d.text !== undefined) payload[textKey] = d.text;
        if (d.pillar !== undefined) payload.pillar = d.pillar;
        if (d.actors !== undefined) payload.actors = d.actors;
        if (d.deadline !== undefined) payload.deadline = d.deadline;
        status = "accepted";
        break;
      }
      case "merge": {
        if (d.into === id) throw new AppError("invalid", "An item cannot be merged into itself");
        const into = await tx
          .selectFrom("review_items")
          .selectAll()
          .where("id", "=", d.into)
          .where("partnership_id", "=", partnership.id)
          .executeTakeFirst();
        if (!into || into.category !== item.category || ["rejected", "merged"].includes(into.status)) {
          throw new AppError("invalid", `Item ${d.into} is not an open ${item.category} item to merge into`);
        }
        const target: Record<string, unknown> =
          into.payload && typeof into.payload === "object" ? { ...into.payload } : {};
        const own = Array.isArray(payload.citations) ? payload.citations : [];
        const theirs = Array.isArray(target.citations) ? target.citations : [];
        await tx
          .updateTable("review_items")
          .set({ payload: JSON.stringify({ ...target, citations: [...theirs, ...own] }), version: into.version + 1 })
          .where("id", "=", into.id)
          .execute();
        status = "merged";
        mergedInto = into.id;
        break;
      }
      case "resolve": {
        if (item.category !== "conflict") throw new AppError("invalid", "Only conflicts are resolved");
        payload.chosen = d.value;
        status = "accepted";
        break;
      }
    }
    const updated = await tx
      .updateTable("review_items")
      .set({
        payload: JSON.stringify(payload),
        status,
        merged_into: mergedInto,
        decided_by: actor.userId,
        decided_by_label: actor.label,
        decided_at: new Date(),
        version: item.version + 1,
      })
      .where("id", "=", id)
      .where("version", "=", item.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError("conflict", `Review item ${id} was changed by someone else`);
    await recordAudit(tx, actor, {
      partnershipId: partnership.id,
      entityType: "review_item",
      entityId: id,
      action: d.action,
      before: { status: item.status, payload: item.payload },
      after: { status, payload },
    });
    return { id, status, version: updated.version };
  });
}

/** Accepts every pending item except conflicts (which need a chosen value). */
export async function acceptAllPending(db: Db, actor: Actor, partnership: PartnershipRef): Promise<number> {
  const pending = await db
    .selectFrom("review_items")
    .select(["id", "version"])
    .where("partnership_id", "=", partnership.id)
    .where("status", "=", "pending")
    .where("category", "!=", "conflict")
    .orderBy("id")
    .execute();
  for (const p of pending)
    await decideReviewItem(db, actor, partnership, p.id, { action: "accept", version: p.version });
  return pending.length;
}
