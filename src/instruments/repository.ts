import type { Insertable, Updateable } from "kysely";
import type { DbOrTx } from "../core/db/create-db.ts";
import type { InstrumentsTable } from "../core/db/tables.ts";

export async function listInstrumentRows(db: DbOrTx, partnershipId: number) {
  return db
    .selectFrom("instruments")
    .selectAll()
    .where("partnership_id", "=", partnershipId)
    .orderBy("signed_on", (ob) => ob.desc().nullsLast())
    .orderBy("id")
    .execute();
}
export type InstrumentRow = Awaited<ReturnType<typeof listInstrumentRows>>[number];

export async function findInstrumentRow(db: DbOrTx, partnershipId: number, id: number) {
  return db
    .selectFrom("instruments")
    .selectAll()
    .where("partnership_id", "=", partnershipId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Commitments that name an instrument they implement. */
export async function listLinkedCommitments(db: DbOrTx, partnershipId: number) {
  return db
    .selectFrom("commitments")
    .select(["id", "code", "text", "status", "instrument_id"])
    .where("partnership_id", "=", partnershipId)
    .where("instrument_id", "is not", null)
    .orderBy("id")
    .execute();
}
export type LinkedCommitmentRow = Awaited<ReturnType<typeof listLinkedCommitments>>[number];

export async function insertInstrument(db: DbOrTx, row: Insertable<InstrumentsTable>) {
  return db.insertInto("instruments").values(row).returning("id").executeTakeFirstOrThrow();
}

/** `update … where id = ? and version = ?`; false when the version was stale. */
export async function updateInstrumentVersioned(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Updateable<InstrumentsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable("instruments")
    .set({ ...patch, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function partyNames(db: DbOrTx, codes: readonly string[]): Promise<string[]> {
  const rows = await db.selectFrom("countries").select(["code", "name_en"]).where("code", "in", codes).execute();
  return codes.map((c) => rows.find((r) => r.code === c)?.name_en ?? c);
}
