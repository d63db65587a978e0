import type { Updateable } from "kysely";
import type { DbOrTx } from "../core/db/create-db.ts";
import type { UpdatesTable } from "../core/db/tables.ts";
import type { SubjectType, UpdateState } from "./schema.ts";

const updateRows = (db: DbOrTx) =>
  db
    .selectFrom("updates as u")
    .leftJoin("users as au", "au.id", "u.author_id")
    .selectAll("u")
    .select("au.email as author_email");

export type UpdateRow = Awaited<ReturnType<typeof findUpdateRow>> & {};

export async function findUpdateRow(db: DbOrTx, partnershipId: number, id: number) {
  return updateRows(db).where("u.partnership_id", "=", partnershipId).where("u.id", "=", id).executeTakeFirst();
}

export interface UpdateFilter {
  states?: readonly UpdateState[] | undefined;
  subject?: { type: SubjectType; id: number } | undefined;
  limit?: number | undefined;
}

/** Updates newest first: approved ones by decision time, the rest by last change. */
export async function listUpdateRows(db: DbOrTx, partnershipId: number, f: UpdateFilter = {}) {
  let q = updateRows(db).where("u.partnership_id", "=", partnershipId);
  if (f.states) {
    if (f.states.length === 0) return [];
    q = q.where("u.state", "in", f.states);
  }
  if (f.subject) q = q.where("u.subject_type", "=", f.subject.type).where("u.subject_id", "=", f.subject.id);
  return q
    .orderBy("u.decided_at", (ob) => ob.desc().nullsLast())
    .orderBy("u.updated_at", "desc")
    .orderBy("u.id", "desc")
    .limit(f.limit ?? 200)
    .execute();
}

export async function insertUpdate(
  db: DbOrTx,
  row: {
    partnership_id: number;
    subject_type: SubjectType;
    subject_id: number;
    note: string;
    new_status: string | null;
    evidence: unknown[];
    author_id: number | null;
  },
) {
  return db
    .insertInto("updates")
    .values({ ...row, evidence: JSON.stringify(row.evidence) })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** `update … where id = ? and version = ?`; false when the version was stale. */
export async function updateUpdateVersioned(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Updateable<UpdatesTable>,
): Promise<boolean> {
  const r = await db
    .updateTable("updates")
    .set({ ...patch, version: version + 1, updated_at: new Date() })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function listApprovalRows(db: DbOrTx, updateIds: readonly number[]) {
  if (updateIds.length === 0) return [];
  return db
    .selectFrom("update_approvals as ap")
    .innerJoin("users as us", "us.id", "ap.user_id")
    .select(["ap.update_id", "ap.party", "ap.user_id", "ap.approved_at", "us.email"])
    .where("ap.update_id", "in", updateIds)
    .orderBy("ap.approved_at")
    .execute();
}
export type ApprovalRow = Awaited<ReturnType<typeof listApprovalRows>>[number];

export async function insertApproval(db: DbOrTx, updateId: number, party: string, userId: number) {
  await db.insertInto("update_approvals").values({ update_id: updateId, party, user_id: userId }).execute();
}

export async function clearApprovals(db: DbOrTx, updateId: number) {
  await db.deleteFrom("update_approvals").where("update_id", "=", updateId).execute();
}

/** Human labels for update subjects, e.g. "C4 · Run a UKVFTA utilisation clinic". */
export async function subjectLabels(
  db: DbOrTx,
  partnershipId: number,
  subjects: readonly { type: string; id: number }[],
): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(subjects.filter((s) => s.type === type).map((s) => s.id))];
  const labels = new Map<string, string>();
  const commitmentIds = ids("commitment");
  if (commitmentIds.length > 0) {
    const rows = await db
      .selectFrom("commitments")
      .select(["id", "code", "text"])
      .where("partnership_id", "=", partnershipId)
      .where("id", "in", commitmentIds)
      .execute();
    for (const r of rows) labels.set(`commitment:${r.id}`, `${r.code} · ${r.text}`);
  }
  const actionIds = ids("action");
  if (actionIds.length > 0) {
    const rows = await db
      .selectFrom("actions as a")
      .innerJoin("commitments as c", "c.id", "a.commitment_id")
      .select(["a.id", "a.title", "c.code"])
      .where("c.partnership_id", "=", partnershipId)
      .where("a.id", "in", actionIds)
      .execute();
    for (const r of rows) labels.set(`action:${r.id}`, `${r.code} · ${r.title}`);
  }
  const milestoneIds = ids("milestone");
  if (milestoneIds.length > 0) {
    const rows = await db
      .selectFrom("milestones as m")
      .innerJoin("actions as a", "a.id", "m.action_id")
      .innerJoin("commitments as c", "c.id", "a.commitment_id")
      .select(["m.id", "m.title", "c.code"])
      .where("c.partnership_id", "=", partnershipId)
      .where("m.id", "in", milestoneIds)
      .execute();
    for (const r of rows) labels.set(`milestone:${r.id}`, `${r.code} · ${r.title}`);
  }
  const instrumentIds = ids("instrument");
  if (instrumentIds.length > 0) {
    const rows = await db
      .selectFrom("instruments")
      .select(["id", "name"])
      .where("partnership_id", "=", partnershipId)
      .where("id", "in", instrumentIds)
      .execute();
    for (const r of rows) labels.set(`instrument:${r.id}`, r.name);
  }
  return labels;
}

/** The update's own audit trail: every state change, oldest first. */
export async function listUpdateHistory(db: DbOrTx, partnershipId: number, updateId: number) {
  return db
    .selectFrom("audit_events")
    .select(["at", "actor", "action", "after"])
    .where("partnership_id", "=", partnershipId)
    .where("entity_type", "=", "update")
    .where("entity_id", "=", String(updateId))
    .orderBy("id")
    .execute();
}
