import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import type { PartnershipRef } from "../http/access.ts";
import { staleVersion } from "../tracking/service.ts";
import { presentMechanism, presentMeeting } from "./presenter.ts";
import {
  existingActionIds,
  findMeetingRow,
  insertMechanism,
  insertMeeting,
  listMechanismRows,
  listMeetingRows,
  listReviewedActions,
  replaceMeetingActions,
  updateMechanismVersioned,
  updateMeetingVersioned,
} from "./repository.ts";
import {
  type MechanismPatchInput,
  type MechanismView,
  type MeetingPatchInput,
  type MeetingView,
  mechanismPatchSchema,
  meetingPatchSchema,
  type NewMechanismInput,
  type NewMeetingInput,
  newMechanismSchema,
  newMeetingSchema,
} from "./schema.ts";

/**
 * Dialogues and committees of the partnership, each with its meetings
 * (newest first) and the actions every meeting reviewed.
 *
 * @example
 *   const mechanisms = await listMechanisms(db, ref);
 */
export async function listMechanisms(db: DbOrTx, ref: PartnershipRef, id?: number): Promise<MechanismView[]> {
  const [mechanisms, meetings, reviewed] = await Promise.all([
    listMechanismRows(db, ref.id, id),
    listMeetingRows(db, ref.id),
    listReviewedActions(db, ref.id),
  ]);
  return mechanisms.map((m) => presentMechanism(m, meetings, reviewed));
}

export async function getMechanism(db: DbOrTx, ref: PartnershipRef, id: number): Promise<MechanismView> {
  const [found] = await listMechanisms(db, ref, id);
  if (!found) throw new AppError("not_found", `No mechanism #${id} in ${ref.slug}`);
  return found;
}

export async function getMeeting(db: DbOrTx, ref: PartnershipRef, id: number): Promise<MeetingView> {
  const row = await findMeetingRow(db, ref.id, id);
  if (!row) throw new AppError("not_found", `No meeting #${id} in ${ref.slug}`);
  return presentMeeting(row, await listReviewedActions(db, ref.id));
}

/** Adds a dialogue or committee. */
export async function createMechanism(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  input: NewMechanismInput,
): Promise<MechanismView> {
  const data = newMechanismSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const { id } = await insertMechanism(tx, {
      partnership_id: ref.id,
      name: data.name,
      kind: data.kind,
      description: data.description,
    });
    const created = await getMechanism(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "mechanism",
      entityId: id,
      action: "create",
      after: created,
    });
    return created;
  });
}

/** Renames or re-describes a mechanism at the version the caller read. */
export async function updateMechanism(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  id: number,
  input: MechanismPatchInput,
): Promise<MechanismView> {
  const data = mechanismPatchSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const before = await getMechanism(tx, ref, id);
    const ok = await updateMechanismVersioned(tx, id, data.version, {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.kind !== undefined ? { kind: data.kind } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
    });
    if (!ok) throw staleVersion(`Mechanism #${id}`, data.version, await getMechanism(tx, ref, id));
    const after = await getMechanism(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "mechanism",
      entityId: id,
      action: "update",
      before: { ...before, meetings: undefined },
      after: { ...after, meetings: undefined },
    });
    return after;
  });
}

async function checkActions(tx: DbOrTx, ref: PartnershipRef, ids: readonly number[]): Promise<void> {
  const found = await existingActionIds(tx, ref.id, ids);
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length > 0) {
    throw new AppError("invalid", `No action ${missing.map((m) => `#${m}`).join(", ")} in ${ref.slug}`, {
      field: "actionIds",
    });
  }
}

/** Records a meeting of a mechanism and the actions it reviewed. */
export async function createMeeting(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  mechanismId: number,
  input: NewMeetingInput,
): Promise<MeetingView> {
  const data = newMeetingSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    await getMechanism(tx, ref, mechanismId);
    await checkActions(tx, ref, data.actionIds);
    const { id } = await insertMeeting(tx, {
      mechanism_id: mechanismId,
      held_on: data.heldOn,
      place: data.place,
      participants: JSON.stringify(data.participants),
      notes: data.notes,
    });
    await replaceMeetingActions(tx, id, data.actionIds);
    const created = await getMeeting(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "meeting",
      entityId: id,
      action: "create",
      after: created,
    });
    return created;
  });
}

/** Edits a meeting (and, when given, the list of actions it reviewed) at the version read. */
export async function updateMeeting(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  id: number,
  input: MeetingPatchInput,
): Promise<MeetingView> {
  const data = meetingPatchSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const before = await getMeeting(tx, ref, id);
    if (data.actionIds) await checkActions(tx, ref, data.actionIds);
    const ok = await updateMeetingVersioned(tx, id, data.version, {
      ...(data.heldOn !== undefined ? { held_on: data.heldOn } : {}),
      ...(data.place !== undefined ? { place: data.place } : {}),
      ...(data.participants !== undefined ? { participants: JSON.stringify(data.participants) } : {}),
      ...(data.notes !== undefined ? { notes: data.notes } : {}),
    });
    if (!ok) throw staleVersion(`Meeting #${id}`, data.version, await getMeeting(tx, ref, id));
    if (data.actionIds) await replaceMeetingActions(tx, id, data.actionIds);
    const after = await getMeeting(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "meeting",
      entityId: id,
      action: "update",
      before,
      after,
    });
    return after;
  });
}
