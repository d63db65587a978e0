import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import type { PartnershipRef } from "../http/access.ts";
import { presentAction, presentCommitment, presentMilestone } from "./presenter.ts";
import {
  findActionRow,
  findCommitmentRow,
  findMilestoneRow,
  insertAction,
  insertMilestone,
  listActionRows,
  listActionStatuses,
  listCommitmentRows,
  listMilestoneRows,
  updateActionVersioned,
  updateCommitmentVersioned,
  updateMilestoneVersioned,
} from "./repository.ts";
import {
  type ActionPatchInput,
  type ActionView,
  actionPatchSchema,
  type CommitmentPatchInput,
  type CommitmentView,
  commitmentPatchSchema,
  type MilestonePatchInput,
  type MilestoneView,
  milestonePatchSchema,
  type NewActionInput,
  type NewMilestoneInput,
  newActionSchema,
  newMilestoneSchema,
} from "./schema.ts";
import { asStatus, rollUpStatus, todayUtc } from "./status.ts";

/** Reads take the day overdue flags are computed for; default today (UTC). */
export interface ReadOptions {
  today?: string | undefined;
}

/** The conflict every stale write gets: 409 with the current record in `details.current`. */
export function staleVersion(what: string, sent: number, current: { version: number }): AppError {
  return new AppError(
    "conflict",
    `${what} was changed by someone else (you sent version ${sent}, it is now at version ${current.version}); reload and retry`,
    { reason: "stale_version", current },
  );
}

/** An audit snapshot of an action: its own fields, not its milestones or the day-dependent overdue flag. */
function actionSnapshot(view: ActionView) {
  const { milestones: _milestones, overdue: _overdue, ...rest } = view;
  return rest;
}

function commitmentSnapshot(view: CommitmentView) {
  const { actions: _actions, overdue: _overdue, ...rest } = view;
  return rest;
}

function milestoneSnapshot(view: MilestoneView) {
  const { overdue: _overdue, ...rest } = view;
  return rest;
}

/**
 * Every commitment of the partnership with its actions, milestones, status
 * and overdue flags: the public tracking view.
 *
 * @example
 *   const commitments = await listCommitments(db, ref, { today: "2026-01-01" });
 */
export async function listCommitments(db: DbOrTx, ref: PartnershipRef, opts: ReadOptions = {}) {
  const today = opts.today ?? todayUtc();
  const [commitments, actions, milestones] = await Promise.all([
    listCommitmentRows(db, ref.id),
    listActionRows(db, ref.id),
    listMilestoneRows(db, ref.id),
  ]);
  return commitments.map((c) => presentCommitment(c, ref, actions, milestones, today));
}

/** One commitment by its code (e.g. "C4"), with its actions and milestones. */
export async function getCommitment(
  db: DbOrTx,
  ref: PartnershipRef,
  by: { code: string } | { id: number },
  opts: ReadOptions = {},
): Promise<CommitmentView> {
  const c = await findCommitmentRow(db, ref.id, by);
  if (!c) throw new AppError("not_found", `No commitment ${"code" in by ? by.code : `#${by.id}`} in ${ref.slug}`);
  const actions = await listActionRows(db, ref.id, c.id);
  const milestones = await listMilestoneRows(
    db,
    ref.id,
    actions.map((a) => a.id),
  );
  return presentCommitment(c, ref, actions, milestones, opts.today ?? todayUtc());
}

/** One action with its milestones. */
export async function getAction(db: DbOrTx, ref: PartnershipRef, id: number, opts: ReadOptions = {}) {
  const a = await findActionRow(db, ref.id, id);
  if (!a) throw new AppError("not_found", `No action #${id} in ${ref.slug}`);
  const milestones = await listMilestoneRows(db, ref.id, [a.id]);
  return presentAction(a, ref, milestones, opts.today ?? todayUtc());
}

/** One milestone. */
export async function getMilestone(db: DbOrTx, ref: PartnershipRef, id: number, opts: ReadOptions = {}) {
  const m = await findMilestoneRow(db, ref.id, id);
  if (!m) throw new AppError("not_found", `No milestone #${id} in ${ref.slug}`);
  return presentMilestone(m, opts.today ?? todayUtc());
}

/**
 * Maps `[{ party, agency }]` onto the a/b columns, which follow the
 * partnership's party order.
 */
export function leadAgencyColumns(
  ref: Pick<PartnershipRef, "partyA" | "partyB">,
  leads: readonly { party: string; agency: string }[],
): { lead_agency_a: string | null; lead_agency_b: string | null } {
  const out = { lead_agency_a: null as string | null, lead_agency_b: null as string | null };
  for (const l of leads) {
    const key = l.party === ref.partyA ? "lead_agency_a" : l.party === ref.partyB ? "lead_agency_b" : null;
    if (!key) {
      throw new AppError("invalid", `Lead agency party ${l.party} is not a party of this partnership`, {
        field: "leadAgencies",
      });
    }
    if (out[key] !== null) {
      throw new AppError("invalid", `Two lead agencies given for ${l.party}; name one per party`, {
        field: "leadAgencies",
      });
    }
    out[key] = l.agency;
  }
  return out;
}

/**
 * Recomputes a commitment's status from its actions (see `rollUpStatus`)
 * inside the caller's transaction, and audits the change when there is one.
 */
export async function applyRollUp(tx: DbOrTx, actor: Actor, ref: PartnershipRef, commitmentId: number) {
  const c = await findCommitmentRow(tx, ref.id, { id: commitmentId });
  if (!c) return;
  const rolled = rollUpStatus((await listActionStatuses(tx, commitmentId)).map(asStatus));
  if (rolled === null || rolled === c.status) return;
  // The roll-up follows a write that already holds this transaction; a
  // concurrent writer of the same commitment makes us retry via the version.
  if (!(await updateCommitmentVersioned(tx, c.id, c.version, { status: rolled }))) {
    throw new AppError("conflict", `Commitment ${c.code} changed while its status was rolled up; retry`, {
      reason: "stale_version",
    });
  }
  await recordAudit(tx, actor, {
    partnershipId: ref.id,
    entityType: "commitment",
    entityId: c.id,
    action: "roll-up",
    before: { code: c.code, status: c.status, version: c.version },
    after: { code: c.code, status: rolled, version: c.version + 1 },
  });
}

/** Adds an action under a commitment (status not started). */
export async function createAction(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  commitmentCode: string,
  input: NewActionInput,
): Promise<ActionView> {
  const data = newActionSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const c = await findCommitmentRow(tx, ref.id, { code: commitmentCode });
    if (!c) throw new AppError("not_found", `No commitment ${commitmentCode} in ${ref.slug}`);
    const { id } = await insertAction(tx, {
      commitment_id: c.id,
      title: data.title,
      description: data.description,
      ...leadAgencyColumns(ref, data.leadAgencies),
      supporting_agencies: data.supportingAgencies,
      start_date: data.startDate,
      due_date: data.dueDate,
    });
    const created = await getAction(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "action",
      entityId: id,
      action: "create",
      after: actionSnapshot(created),
    });
    await applyRollUp(tx, actor, ref, c.id);
    return created;
  });
}

/**
 * Edits an action's fields at the version the caller read; a stale version
 * is a 409 with the current action. Status changes go through updates.
 */
export async function updateAction(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  id: number,
  input: ActionPatchInput,
): Promise<ActionView> {
  const data = actionPatchSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const before = await getAction(tx, ref, id);
    const patch = {
      ...(data.title !== undefined ? { title: data.title } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
      ...(data.leadAgencies !== undefined ? leadAgencyColumns(ref, data.leadAgencies) : {}),
      ...(data.supportingAgencies !== undefined
        ? { supporting_agencies: JSON.stringify(data.supportingAgencies) }
        : {}),
      ...(data.startDate !== undefined ? { start_date: data.startDate } : {}),
      ...(data.dueDate !== undefined ? { due_date: data.dueDate } : {}),
    };
    const start = data.startDate !== undefined ? data.startDate : before.startDate;
    const due = data.dueDate !== undefined ? data.dueDate : before.dueDate;
    if (start && due && start > due) {
      throw new AppError("invalid", "startDate must not be after dueDate", { field: "dueDate" });
    }
    if (!(await updateActionVersioned(tx, id, data.version, patch))) {
      throw staleVersion(`Action #${id}`, data.version, await getAction(tx, ref, id));
    }
    const after = await getAction(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "action",
      entityId: id,
      action: "update",
      before: actionSnapshot(before),
      after: actionSnapshot(after),
    });
    return after;
  });
}

/** Adds a milestone to an action. */
export async function createMilestone(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  actionId: number,
  input: NewMilestoneInput,
): Promise<MilestoneView> {
  const data = newMilestoneSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    await getAction(tx, ref, actionId);
    const { id } = await insertMilestone(tx, {
      action_id: actionId,
      title: data.title,
      due_date: data.dueDate,
      evidence_urls: data.evidenceUrls,
    });
    const created = await getMilestone(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "milestone",
      entityId: id,
      action: "create",
      after: milestoneSnapshot(created),
    });
    return created;
  });
}

/** Edits a milestone's title, due date or evidence links at the version the caller read. */
export async function updateMilestone(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  id: number,
  input: MilestonePatchInput,
): Promise<MilestoneView> {
  const data = milestonePatchSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const before = await getMilestone(tx, ref, id);
    const patch = {
      ...(data.title !== undefined ? { title: data.title } : {}),
      ...(data.dueDate !== undefined ? { due_date: data.dueDate } : {}),
      ...(data.evidenceUrls !== undefined ? { evidence_urls: JSON.stringify(data.evidenceUrls) } : {}),
    };
    if (!(await updateMilestoneVersioned(tx, id, data.version, patch))) {
      throw staleVersion(`Milestone #${id}`, data.version, await getMilestone(tx, ref, id));
    }
    const after = await getMilestone(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "milestone",
      entityId: id,
      action: "update",
      before: milestoneSnapshot(before),
      after: milestoneSnapshot(after),
    });
    return after;
  });
}

/** Names (or clears) the instrument a commitment implements. */
export async function linkCommitmentInstrument(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  code: string,
  input: CommitmentPatchInput,
): Promise<CommitmentView> {
  const data = commitmentPatchSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const before = await getCommitment(tx, ref, { code });
    if (data.instrumentId !== null) {
      const instrument = await tx
        .selectFrom("instruments")
        .select("id")
        .where("id", "=", data.instrumentId)
        .where("partnership_id", "=", ref.id)
        .executeTakeFirst();
      if (!instrument) {
        throw new AppError("invalid", `No instrument #${data.instrumentId} in ${ref.slug}`, { field: "instrumentId" });
      }
    }
    if (!(await updateCommitmentVersioned(tx, before.id, data.version, { instrument_id: data.instrumentId }))) {
      throw staleVersion(`Commitment ${code}`, data.version, await getCommitment(tx, ref, { code }));
    }
    const after = await getCommitment(tx, ref, { code });
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "commitment",
      entityId: before.id,
      action: "update",
      before: commitmentSnapshot(before),
      after: commitmentSnapshot(after),
    });
    return after;
  });
}
