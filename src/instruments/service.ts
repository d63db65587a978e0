import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import type { PartnershipRef } from "../http/access.ts";
import { staleVersion } from "../tracking/service.ts";
import { todayUtc } from "../tracking/status.ts";
import { presentInstrument } from "./presenter.ts";
import {
  findInstrumentRow,
  insertInstrument,
  listInstrumentRows,
  listLinkedCommitments,
  partyNames,
  updateInstrumentVersioned,
} from "./repository.ts";
import {
  type InstrumentPatchInput,
  type InstrumentView,
  instrumentPatchSchema,
  type NewInstrumentInput,
  newInstrumentSchema,
} from "./schema.ts";

/**
 * The instruments register: MoUs, agreements, FTAs, treaties, partnership
 * programmes and declarations, with the commitments that implement each.
 *
 * @example
 *   const instruments = await listInstruments(db, ref);
 */
export async function listInstruments(db: DbOrTx, ref: PartnershipRef): Promise<InstrumentView[]> {
  const [rows, commitments] = await Promise.all([listInstrumentRows(db, ref.id), listLinkedCommitments(db, ref.id)]);
  const today = todayUtc();
  return rows.map((r) => presentInstrument(r, commitments, today));
}

export async function getInstrument(db: DbOrTx, ref: PartnershipRef, id: number): Promise<InstrumentView> {
  const row = await findInstrumentRow(db, ref.id, id);
  if (!row) throw new AppError("not_found", `No instrument #${id} in ${ref.slug}`);
  return presentInstrument(row, await listLinkedCommitments(db, ref.id), todayUtc());
}

function checkDates(d: { signedOn: string | null; inForceOn: string | null; endedOn: string | null }): void {
  // Partial dates of different precision compare on their common prefix, so "2021" vs "2021-05-01" passes.
  const before = (a: string | null, b: string | null) => {
    if (!a || !b) return true;
    const n = Math.min(a.length, b.length);
    return a.slice(0, n) <= b.slice(0, n);
  };
  if (!before(d.signedOn, d.inForceOn))
    throw new AppError("invalid", "inForceOn is before signedOn", { field: "inForceOn" });
  if (!before(d.inForceOn ?? d.signedOn, d.endedOn))
    throw new AppError("invalid", "endedOn is before the instrument started", { field: "endedOn" });
}

/** Adds an instrument to the register. */
export async function createInstrument(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  input: NewInstrumentInput,
): Promise<InstrumentView> {
  const data = newInstrumentSchema.parse(input);
  checkDates(data);
  return db.transaction().execute(async (tx) => {
    const parties = data.parties ?? (await partyNames(tx, [ref.partyA, ref.partyB]));
    const { id } = await insertInstrument(tx, {
      partnership_id: ref.id,
      name: data.name,
      aliases: JSON.stringify(data.aliases),
      kind: data.kind,
      status: data.status,
      parties: JSON.stringify(parties),
      signed_on: data.signedOn,
      in_force_on: data.inForceOn,
      ended_on: data.endedOn,
      url: data.url,
    });
    const created = await getInstrument(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "instrument",
      entityId: id,
      action: "create",
      after: created,
    });
    return created;
  });
}

/** Edits an instrument at the version the caller read. */
export async function updateInstrument(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  id: number,
  input: InstrumentPatchInput,
): Promise<InstrumentView> {
  const data = instrumentPatchSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const before = await getInstrument(tx, ref, id);
    checkDates({
      signedOn: data.signedOn !== undefined ? data.signedOn : before.signedOn,
      inForceOn: data.inForceOn !== undefined ? data.inForceOn : before.inForceOn,
      endedOn: data.endedOn !== undefined ? data.endedOn : before.endedOn,
    });
    const ok = await updateInstrumentVersioned(tx, id, data.version, {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.aliases !== undefined ? { aliases: JSON.stringify(data.aliases) } : {}),
      ...(data.kind !== undefined ? { kind: data.kind } : {}),
      ...(data.status !== undefined ? { status: data.status } : {}),
      ...(data.parties !== undefined ? { parties: JSON.stringify(data.parties) } : {}),
      ...(data.signedOn !== undefined ? { signed_on: data.signedOn } : {}),
      ...(data.inForceOn !== undefined ? { in_force_on: data.inForceOn } : {}),
      ...(data.endedOn !== undefined ? { ended_on: data.endedOn } : {}),
      ...(data.url !== undefined ? { url: data.url } : {}),
    });
    if (!ok) throw staleVersion(`Instrument #${id}`, data.version, await getInstrument(tx, ref, id));
    const after = await getInstrument(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "instrument",
      entityId: id,
      action: "update",
      before,
      after,
    });
    return after;
  });
}
