import { sql } from "kysely";
import type { DbOrTx } from "../core/db/create-db.ts";
import type { ActionsTable, CommitmentsTable, MilestonesTable } from "../core/db/tables.ts";
import type { Updateable } from "kysely";

/**
 * SQL for commitments, actions and milestones. Every write to a mutable row
 * goes through a `…Versioned` function: `update … where id = ? and version = ?`
 * returning the new row, or undefined when the version was stale (or the row
 * is gone), so callers never overwrite silently.
 */

const commitmentRows = (db: DbOrTx) =>
  db
    .selectFrom("commitments as c")
    .leftJoin("pillars as p", "p.id", "c.pillar_id")
    .leftJoin("instruments as i", "i.id", "c.instrument_id")
    .selectAll("c")
    .select(["p.code as pillar_code", "p.name as pillar_name", "p.sort as pillar_sort", "i.name as instrument_name"]);

export type CommitmentRow = Awaited<ReturnType<typeof listCommitmentRows>>[number];

export async function listCommitmentRows(db: DbOrTx, partnershipId: number) {
  return commitmentRows(db)
    .where("c.partnership_id", "=", partnershipId)
    .orderBy("p.sort")
    .orderBy(sql`length(c.code)`)
    .orderBy("c.code")
    .execute();
}

export async function findCommitmentRow(db: DbOrTx, partnershipId: number, by: { id: number } | { code: string }) {
  const q = commitmentRows(db).where("c.partnership_id", "=", partnershipId);
  return ("id" in by ? q.where("c.id", "=", by.id) : q.where("c.code", "=", by.code)).executeTakeFirst();
}

export async function updateCommitmentVersioned(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Updateable<CommitmentsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable("commitments")
    .set({ ...patch, version: version + 1, updated_at: new Date() })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

const actionRows = (db: DbOrTx) =>
  db
    .selectFrom("actions as a")
    .innerJoin("commitments as c", "c.id", "a.commitment_id")
    .selectAll("a")
    .select(["c.code as commitment_code", "c.partnership_id"]);

export type ActionRow = Awaited<ReturnType<typeof listActionRows>>[number];

export async function listActionRows(db: DbOrTx, partnershipId: number, commitmentId?: number) {
  let q = actionRows(db).where("c.partnership_id", "=", partnershipId);
  if (commitmentId !== undefined) q = q.where("a.commitment_id", "=", commitmentId);
  return q.orderBy("a.commitment_id").orderBy("a.id").execute();
}

export async function findActionRow(db: DbOrTx, partnershipId: number, id: number) {
  return actionRows(db).where("c.partnership_id", "=", partnershipId).where("a.id", "=", id).executeTakeFirst();
}

export async function insertAction(
  db: DbOrTx,
  row: {
    commitment_id: number;
    title: string;
    description: string | null;
    lead_agency_a: string | null;
    lead_agency_b: string | null;
    supporting_agencies: string[];
    start_date: string | null;
    due_date: string | null;
    status?: string;
  },
) {
  return db
    .insertInto("actions")
    .values({ ...row, supporting_agencies: JSON.stringify(row.supporting_agencies) })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function updateActionVersioned(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Updateable<ActionsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable("actions")
    .set({ ...patch, version: version + 1, updated_at: new Date() })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function listActionStatuses(db: DbOrTx, commitmentId: number): Promise<string[]> {
  const rows = await db.selectFrom("actions").select("status").where("commitment_id", "=", commitmentId).execute();
  return rows.map((r) => r.status);
}

const milestoneRows = (db: DbOrTx) =>
  db
    .selectFrom("milestones as m")
    .innerJoin("actions as a", "a.id", "m.action_id")
    .innerJoin("commitments as c", "c.id", "a.commitment_id")
    .selectAll("m")
    .select(["a.commitment_id", "c.partnership_id"]);

export type MilestoneRow = Awaited<ReturnType<typeof listMilestoneRows>>[number];

export async function listMilestoneRows(db: DbOrTx, partnershipId: number, actionIds?: readonly number[]) {
  let q = milestoneRows(db).where("c.partnership_id", "=", partnershipId);
  if (actionIds !== undefined) {
    if (actionIds.length === 0) return [];
    q = q.where("m.action_id", "in", actionIds);
  }
  return q.orderBy("m.action_id").orderBy("m.due_date").orderBy("m.id").execute();
}

export async function findMilestoneRow(db: DbOrTx, partnershipId: number, id: number) {
  return milestoneRows(db).where("c.partnership_id", "=", partnershipId).where("m.id", "=", id).executeTakeFirst();
}

export async function insertMilestone(
  db: DbOrTx,
  row: { action_id: number; title: string; due_date: string | null; evidence_urls: string[]; status?: string },
) {
  return db
    .insertInto("milestones")
    .values({ ...row, evidence_urls: JSON.stringify(row.evidence_urls) })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function updateMilestoneVersioned(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Updateable<MilestonesTable>,
): Promise<boolean> {
  const r = await db
    .updateTable("milestones")
    .set({ ...patch, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** The partnership's settings, read inside the caller's transaction. */
export async function findPartnershipSettings(db: DbOrTx, partnershipId: number) {
  const row = await db
    .selectFrom("partnerships")
    .select(["settings", "party_a", "party_b", "slug"])
    .where("id", "=", partnershipId)
    .executeTakeFirst();
  return row
    ? {
        slug: row.slug,
        partyA: row.party_a,
        partyB: row.party_b,
        singleSideSignoff: row.settings.singleSideSignoff === true,
      }
    : undefined;
}
