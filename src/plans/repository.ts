import type { DbOrTx } from "../core/db/create-db.ts";
import { type PlanSnapshot, planSnapshotSchema } from "./snapshot.ts";

export async function latestPlan(db: DbOrTx, partnershipId: number): Promise<PlanSnapshot | null> {
  const row = await db
    .selectFrom("plan_versions")
    .select("snapshot")
    .where("partnership_id", "=", partnershipId)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? planSnapshotSchema.parse(row.snapshot) : null;
}

export async function planVersion(db: DbOrTx, partnershipId: number, n: number): Promise<PlanSnapshot | null> {
  const row = await db
    .selectFrom("plan_versions")
    .select("snapshot")
    .where("partnership_id", "=", partnershipId)
    .where("number", "=", n)
    .executeTakeFirst();
  return row ? planSnapshotSchema.parse(row.snapshot) : null;
}

export async function listPlanVersions(db: DbOrTx, partnershipId: number) {
  return db
    .selectFrom("plan_versions")
    .select(["number", "published_at", "note"])
    .where("partnership_id", "=", partnershipId)
    .orderBy("number")
    .execute();
}

export async function openReviewItems(db: DbOrTx, partnershipId: number) {
  return db
    .selectFrom("review_items")
    .selectAll()
    .where("partnership_id", "=", partnershipId)
    .where("status", "in", ["pending", "accepted"])
    .where("published_in", "is", null)
    .orderBy("id")
    .execute();
}

export type ReviewItemRow = Awaited<ReturnType<typeof openReviewItems>>[number];
