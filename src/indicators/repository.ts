import type { DbOrTx } from "../core/db/create-db.ts";

export async function listIndicatorRows(db: DbOrTx, partnershipId: number) {
  return db.selectFrom("indicators").selectAll().where("partnership_id", "=", partnershipId).orderBy("slug").execute();
}

export async function listObservationRows(db: DbOrTx, indicatorIds: readonly number[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom("observations")
    .selectAll()
    .where("indicator_id", "in", indicatorIds)
    .orderBy("indicator_id")
    .orderBy("period_start")
    .execute();
}

export async function listTargetRows(db: DbOrTx, partnershipId: number) {
  return db.selectFrom("targets").selectAll().where("partnership_id", "=", partnershipId).orderBy("id").execute();
}

export async function findTargetRow(db: DbOrTx, partnershipId: number, id: number) {
  return db
    .selectFrom("targets")
    .selectAll()
    .where("partnership_id", "=", partnershipId)
    .where("id", "=", id)
    .executeTakeFirst();
}
