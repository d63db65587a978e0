import type { Insertable, Updateable } from "kysely";
import type { DbOrTx } from "../core/db/create-db.ts";
import type { MechanismsTable, MeetingsTable } from "../core/db/tables.ts";

export async function listMechanismRows(db: DbOrTx, partnershipId: number, id?: number) {
  let q = db.selectFrom("mechanisms").selectAll().where("partnership_id", "=", partnershipId);
  if (id !== undefined) q = q.where("id", "=", id);
  return q.orderBy("name").orderBy("id").execute();
}
export type MechanismRow = Awaited<ReturnType<typeof listMechanismRows>>[number];

export async function listMeetingRows(db: DbOrTx, partnershipId: number) {
  return db
    .selectFrom("meetings as mt")
    .innerJoin("mechanisms as me", "me.id", "mt.mechanism_id")
    .selectAll("mt")
    .where("me.partnership_id", "=", partnershipId)
    .orderBy("mt.held_on", "desc")
    .orderBy("mt.id")
    .execute();
}
export type MeetingRow = Awaited<ReturnType<typeof listMeetingRows>>[number];

export async function findMeetingRow(db: DbOrTx, partnershipId: number, id: number) {
  return db
    .selectFrom("meetings as mt")
    .innerJoin("mechanisms as me", "me.id", "mt.mechanism_id")
    .selectAll("mt")
    .where("me.partnership_id", "=", partnershipId)
    .where("mt.id", "=", id)
    .executeTakeFirst();
}

export async function listReviewedActions(db: DbOrTx, partnershipId: number) {
  return db
    .selectFrom("meeting_actions as ma")
    .innerJoin("actions as a", "a.id", "ma.action_id")
    .innerJoin("commitments as c", "c.id", "a.commitment_id")
    .select(["ma.meeting_id", "a.id", "a.title", "a.status", "c.code"])
    .where("c.partnership_id", "=", partnershipId)
    .orderBy("c.id")
    .orderBy("a.id")
    .execute();
}
export type ReviewedActionRow = Awaited<ReturnType<typeof listReviewedActions>>[number];

/** The ids among `ids` that are actions of the partnership. */
export async function existingActionIds(db: DbOrTx, partnershipId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await db
    .selectFrom("actions as a")
    .innerJoin("commitments as c", "c.id", "a.commitment_id")
    .select("a.id")
    .where("c.partnership_id", "=", partnershipId)
    .where("a.id", "in", ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertMechanism(db: DbOrTx, row: Insertable<MechanismsTable>) {
  return db.insertInto("mechanisms").values(row).returning("id").executeTakeFirstOrThrow();
}

export async function updateMechanismVersioned(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Updateable<MechanismsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable("mechanisms")
    .set({ ...patch, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function insertMeeting(db: DbOrTx, row: Insertable<MeetingsTable>) {
  return db.insertInto("meetings").values(row).returning("id").executeTakeFirstOrThrow();
}

export async function updateMeetingVersioned(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Updateable<MeetingsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable("meetings")
    .set({ ...patch, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function replaceMeetingActions(db: DbOrTx, meetingId: number, actionIds: readonly number[]) {
  await db.deleteFrom("meeting_actions").where("meeting_id", "=", meetingId).execute();
  if (actionIds.length === 0) return;
  await db
    .insertInto("meeting_actions")
    .values([...new Set(actionIds)].map((action_id) => ({ meeting_id: meetingId, action_id })))
    .execute();
}
