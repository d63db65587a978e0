import { sql } from "kysely";
import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import { type Principal, partiesWithRole } from "../auth/roles.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import type { PartnershipRef } from "../http/access.ts";
import {
  findActionRow,
  findCommitmentRow,
  findMilestoneRow,
  findPartnershipSettings,
  listActionStatuses,
} from "./repository.ts";
import {
  approveBodySchema,
  type Evidence,
  type NewUpdateInput,
  newUpdateSchema,
  returnBodySchema,
  type SubjectType,
  type UpdatePatchInput,
  type UpdateState,
  type UpdateView,
  updatePatchSchema,
  versionBodySchema,
} from "./schema.ts";
import { applyRollUp, staleVersion } from "./service.ts";
import { asStatus, type Status, todayUtc } from "./status.ts";
import { presentUpdate, type SignoffContext, waitingFor } from "./updates-presenter.ts";
import {
  clearApprovals,
  findUpdateRow,
  insertApproval,
  insertUpdate,
  listApprovalRows,
  listUpdateHistory,
  listUpdateRows,
  subjectLabels,
  type UpdateFilter,
  updateUpdateVersioned,
} from "./updates-repository.ts";

/**
 * The update workflow: draft → pending → approved | returned, returned →
 * (edit) → pending again. An update becomes public when a reviewer of each
 * party has approved it (one party suffices with settings.singleSideSignoff);
 * its status change then applies to its subject.
 */

/** Why a transition was refused: stable values in `details.reason`. */
export type TransitionRefusal =
  | "not_editable"
  | "not_submittable"
  | "not_pending"
  | "party_already_approved"
  | "already_approved_by_you"
  | "status_rolls_up"
  | "stale_version";

const refuse = (reason: TransitionRefusal, message: string, current?: UpdateView) =>
  new AppError("conflict", message, current === undefined ? { reason } : { reason, current });

async function signoffContext(db: DbOrTx, ref: PartnershipRef): Promise<SignoffContext> {
  const s = await findPartnershipSettings(db, ref.id);
  if (!s) throw new AppError("not_found", `No partnership "${ref.slug}"`);
  return { partyA: s.partyA, partyB: s.partyB, singleSideSignoff: s.singleSideSignoff };
}

export interface UpdateReadOptions {
  /** The caller holds a role on the partnership: drafts, pending and returned updates are visible, with names. */
  internal: boolean;
}

/**
 * Lists updates. The public sees approved updates only; internal callers may
 * filter by state.
 *
 * @example
 *   await listUpdates(db, ref, { internal: false }); // the published progress feed
 */
export async function listUpdates(
  db: DbOrTx,
  ref: PartnershipRef,
  opts: UpdateReadOptions & UpdateFilter,
): Promise<UpdateView[]> {
  const states: readonly UpdateState[] | undefined = opts.internal
    ? opts.states
    : (opts.states ?? ["approved"]).filter((s) => s === "approved");
  const rows = await listUpdateRows(db, ref.id, { states, subject: opts.subject, limit: opts.limit });
  const [approvals, labels, ctx] = await Promise.all([
    listApprovalRows(
      db,
      rows.map((r) => r.id),
    ),
    subjectLabels(
      db,
      ref.id,
      rows.map((r) => ({ type: r.subject_type, id: r.subject_id })),
    ),
    signoffContext(db, ref),
  ]);
  return rows.map((r) =>
    presentUpdate(r, approvals, labels.get(`${r.subject_type}:${r.subject_id}`) ?? "", ctx, opts.internal),
  );
}

/** One update; unpublished ones only for internal callers (404 otherwise), with their history. */
export async function getUpdate(
  db: DbOrTx,
  ref: PartnershipRef,
  id: number,
  opts: UpdateReadOptions = { internal: true },
): Promise<UpdateView> {
  const row = await findUpdateRow(db, ref.id, id);
  if (!row || (!opts.internal && row.state !== "approved")) {
    throw new AppError("not_found", `No update #${id} in ${ref.slug}`);
  }
  const [approvals, labels, ctx] = await Promise.all([
    listApprovalRows(db, [id]),
    subjectLabels(db, ref.id, [{ type: row.subject_type, id: row.subject_id }]),
    signoffContext(db, ref),
  ]);
  const view = presentUpdate(
    row,
    approvals,
    labels.get(`${row.subject_type}:${row.subject_id}`) ?? "",
    ctx,
    opts.internal,
  );
  if (!opts.internal) return view;
  const history = await listUpdateHistory(db, ref.id, id);
  return {
    ...view,
    history: history.map((h) => ({
      at: new Date(h.at).toISOString(),
      actor: h.actor,
      action: h.action,
      reason: h.action === "return" ? reasonOf(h.after) : null,
    })),
  };
}

function reasonOf(after: unknown): string | null {
  if (after && typeof after === "object" && "returnReason" in after && typeof after.returnReason === "string") {
    return after.returnReason;
  }
  return null;
}

/** An audit snapshot: the update without its history. */
function snapshot(view: UpdateView) {
  const { history: _history, ...rest } = view;
  return rest;
}

/** Checks the subject exists in the partnership and may take the proposed status. */
async function checkSubject(
  db: DbOrTx,
  ref: PartnershipRef,
  subject: { type: SubjectType; id: number },
  newStatus: Status | null,
): Promise<void> {
  if (subject.type === "action") {
    if (!(await findActionRow(db, ref.id, subject.id))) {
      throw new AppError("invalid", `No action #${subject.id} in ${ref.slug}`, { field: "subject" });
    }
    return;
  }
  if (subject.type === "milestone") {
    if (!(await findMilestoneRow(db, ref.id, subject.id))) {
      throw new AppError("invalid", `No milestone #${subject.id} in ${ref.slug}`, { field: "subject" });
    }
    return;
  }
  if (subject.type === "instrument") {
    const found = await db
      .selectFrom("instruments")
      .select("id")
      .where("partnership_id", "=", ref.id)
      .where("id", "=", subject.id)
      .executeTakeFirst();
    if (!found) throw new AppError("invalid", `No instrument #${subject.id} in ${ref.slug}`, { field: "subject" });
    if (newStatus !== null) {
      throw new AppError("invalid", "Updates on instruments are progress notes; they carry no status", {
        field: "newStatus",
      });
    }
    return;
  }
  const c = await findCommitmentRow(db, ref.id, { id: subject.id });
  if (!c) throw new AppError("invalid", `No commitment #${subject.id} in ${ref.slug}`, { field: "subject" });
  if (newStatus !== null && (await listActionStatuses(db, c.id)).length > 0) {
    throw new AppError(
      "invalid",
      `Commitment ${c.code} has actions, so its status rolls up from them; propose the status change on an action`,
      { field: "newStatus", reason: "status_rolls_up" },
    );
  }
}

function requireEvidence(evidence: readonly Evidence[]): void {
  if (evidence.length === 0) {
    throw new AppError("invalid", "An update needs evidence before it is submitted: a URL or a source citation", {
      field: "evidence",
    });
  }
}

/**
 * Writes a progress note or proposed status change as a draft, or submits
 * it at once with `submit: true`.
 */
export async function createUpdate(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  input: NewUpdateInput,
): Promise<UpdateView> {
  const data = newUpdateSchema.parse(input);
  if (data.submit) requireEvidence(data.evidence);
  return db.transaction().execute(async (tx) => {
    await checkSubject(tx, ref, data.subject, data.newStatus);
    const { id } = await insertUpdate(tx, {
      partnership_id: ref.id,
      subject_type: data.subject.type,
      subject_id: data.subject.id,
      note: data.note,
      new_status: data.newStatus,
      evidence: data.evidence,
      author_id: actor.userId,
    });
    const created = await getUpdate(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "update",
      entityId: id,
      action: "create",
      after: snapshot(created),
    });
    if (!data.submit) return created;
    return submitIn(tx, actor, ref, created);
  });
}

/** Edits a draft or returned update; approved and pending ones are fixed (409 not_editable). */
export async function editUpdate(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  id: number,
  input: UpdatePatchInput,
): Promise<UpdateView> {
  const data = updatePatchSchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const before = await getUpdate(tx, ref, id);
    if (before.state !== "draft" && before.state !== "returned") {
      throw refuse(
        "not_editable",
        `Update #${id} is ${before.state}; only drafts and returned updates can be edited`,
        before,
      );
    }
    const newStatus = data.newStatus !== undefined ? data.newStatus : before.newStatus;
    await checkSubject(tx, ref, before.subject, newStatus);
    const ok = await updateUpdateVersioned(tx, id, data.version, {
      ...(data.note !== undefined ? { note: data.note } : {}),
      ...(data.newStatus !== undefined ? { new_status: data.newStatus } : {}),
      ...(data.evidence !== undefined ? { evidence: JSON.stringify(data.evidence) } : {}),
    });
    if (!ok) throw staleVersion(`Update #${id}`, data.version, await getUpdate(tx, ref, id));
    const after = await getUpdate(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "update",
      entityId: id,
      action: "edit",
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Sends a draft (or a returned update, after edits) for review. */
export async function submitUpdate(
  db: Db,
  actor: Actor,
  ref: PartnershipRef,
  id: number,
  input: { version: number },
): Promise<UpdateView> {
  const { version } = versionBodySchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const before = await getUpdate(tx, ref, id);
    if (before.version !== version) throw staleVersion(`Update #${id}`, version, before);
    return submitIn(tx, actor, ref, before);
  });
}

async function submitIn(tx: DbOrTx, actor: Actor, ref: PartnershipRef, before: UpdateView): Promise<UpdateView> {
  if (before.state !== "draft" && before.state !== "returned") {
    throw refuse(
      "not_submittable",
      `Update #${before.id} is ${before.state}; only drafts and returned updates can be submitted`,
      before,
    );
  }
  requireEvidence(before.evidence);
  await checkSubject(tx, ref, before.subject, before.newStatus);
  // Approvals given before a return do not carry over to the new text.
  await clearApprovals(tx, before.id);
  const ok = await updateUpdateVersioned(tx, before.id, before.version, {
    state: "pending",
    submitted_at: new Date(),
    decided_at: null,
    submissions: before.submissions + 1,
  });
  if (!ok) throw staleVersion(`Update #${before.id}`, before.version, await getUpdate(tx, ref, before.id));
  const after = await getUpdate(tx, ref, before.id);
  await recordAudit(tx, actor, {
    partnershipId: ref.id,
    entityType: "update",
    entityId: before.id,
    action: "submit",
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

/**
 * A reviewer's approval for one party. The reviewer must hold the reviewer
 * role for that party (grant.party); one person signs for one side only, and
 * a side that approved cannot approve again. When every required party has
 * approved, the update is published and its status change applied.
 */
export async function approveUpdate(
  db: Db,
  actor: Actor,
  principal: Principal,
  ref: PartnershipRef,
  id: number,
  input: { version: number; party?: string | undefined },
): Promise<UpdateView> {
  const data = approveBodySchema.parse(input);
  const user = principal.user;
  if (!user) throw new AppError("unauthorized", "Approving needs a signed-in reviewer");
  return db.transaction().execute(async (tx) => {
    const before = await getUpdate(tx, ref, id);
    if (before.version !== data.version) throw staleVersion(`Update #${id}`, data.version, before);
    if (before.state !== "pending") {
      throw refuse("not_pending", `Update #${id} is ${before.state}; only pending updates can be approved`, before);
    }
    const ctx = await signoffContext(tx, ref);
    const mayApproveFor = partiesWithRole(principal, "reviewer", ref.id, [ctx.partyA, ctx.partyB]);
    if (mayApproveFor.length === 0) {
      throw new AppError("forbidden", `You are not a reviewer for either party of ${ref.slug}`);
    }
    const approvals = await listApprovalRows(tx, [id]);
    if (approvals.some((a) => a.user_id === user.id)) {
      throw refuse(
        "already_approved_by_you",
        `You already approved update #${id}; a reviewer of the other party must sign`,
        before,
      );
    }
    const approved = approvals.map((a) => a.party);
    let party: string;
    if (data.party !== undefined) {
      if (!mayApproveFor.includes(data.party)) {
        throw new AppError("forbidden", `You are not a reviewer for ${data.party} in ${ref.slug}`);
      }
      if (approved.includes(data.party)) {
        throw refuse("party_already_approved", `${data.party} has already approved update #${id}`, before);
      }
      party = data.party;
    } else {
      const open = mayApproveFor.filter((p) => !approved.includes(p));
      const [only, ...more] = open;
      if (only === undefined) {
        throw refuse("party_already_approved", `${mayApproveFor.join(" and ")} already approved update #${id}`, before);
      }
      if (more.length > 0) {
        throw new AppError("invalid", `You review for ${open.join(" and ")}; say which party you approve for`, {
          field: "party",
        });
      }
      party = only;
    }
    const done = waitingFor(ctx, [...approved, party]).length === 0;
    // The versioned write serialises concurrent approvals of one update.
    const ok = await updateUpdateVersioned(
      tx,
      id,
      before.version,
      done ? { state: "approved", decided_at: new Date() } : {},
    );
    if (!ok) throw staleVersion(`Update #${id}`, before.version, await getUpdate(tx, ref, id));
    await insertApproval(tx, id, party, user.id);
    if (done) await applyStatusChange(tx, actor, ref, before);
    const after = await getUpdate(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "update",
      entityId: id,
      action: done ? "approve-and-publish" : "approve",
      before: snapshot(before),
      after: { ...snapshot(after), approvedFor: party },
    });
    return after;
  });
}

/** Sends a pending update back to its author with a reason; it can be edited and resubmitted. */
export async function returnUpdate(
  db: Db,
  actor: Actor,
  principal: Principal,
  ref: PartnershipRef,
  id: number,
  input: { version: number; reason: string },
): Promise<UpdateView> {
  const data = returnBodySchema.parse(input);
  return db.transaction().execute(async (tx) => {
    const before = await getUpdate(tx, ref, id);
    if (before.version !== data.version) throw staleVersion(`Update #${id}`, data.version, before);
    if (before.state !== "pending") {
      throw refuse("not_pending", `Update #${id} is ${before.state}; only pending updates can be returned`, before);
    }
    const ctx = await signoffContext(tx, ref);
    if (partiesWithRole(principal, "reviewer", ref.id, [ctx.partyA, ctx.partyB]).length === 0) {
      throw new AppError("forbidden", `You are not a reviewer for either party of ${ref.slug}`);
    }
    const ok = await updateUpdateVersioned(tx, id, before.version, {
      state: "returned",
      return_reason: data.reason,
      decided_at: new Date(),
    });
    if (!ok) throw staleVersion(`Update #${id}`, before.version, await getUpdate(tx, ref, id));
    await clearApprovals(tx, id);
    const after = await getUpdate(tx, ref, id);
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "update",
      entityId: id,
      action: "return",
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/**
 * Applies an approved update to its subject: the new status (an approval is
 * the authority, so no version is compared, but the version moves on so
 * editors holding the old one get a 409), and for a milestone the evidence
 * links and completion date. Each change is audited.
 */
async function applyStatusChange(tx: DbOrTx, actor: Actor, ref: PartnershipRef, update: UpdateView): Promise<void> {
  const { type, id } = update.subject;
  const newStatus = update.newStatus;
  const today = todayUtc();
  if (type === "milestone") {
    const m = await findMilestoneRow(tx, ref.id, id);
    if (!m) throw new AppError("conflict", `Milestone #${id} no longer exists`, { reason: "subject_gone" });
    const urls = update.evidence.flatMap((e) => (e.url && !m.evidence_urls.includes(e.url) ? [e.url] : []));
    const status = newStatus ?? asStatus(m.status);
    const completedOn = status === "complete" ? (m.completed_on ?? today) : null;
    if (status === m.status && urls.length === 0 && completedOn === m.completed_on) return;
    await tx
      .updateTable("milestones")
      .set({
        status,
        completed_on: completedOn,
        evidence_urls: JSON.stringify([...m.evidence_urls, ...urls]),
        version: sql<number>`version + 1`,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "milestone",
      entityId: id,
      action: "apply-update",
      before: { status: m.status, completedOn: m.completed_on, evidenceUrls: m.evidence_urls, version: m.version },
      after: {
        status,
        completedOn,
        evidenceUrls: [...m.evidence_urls, ...urls],
        version: m.version + 1,
        updateId: update.id,
      },
    });
    return;
  }
  if (newStatus === null || type === "instrument") return;
  if (type === "action") {
    const a = await findActionRow(tx, ref.id, id);
    if (!a) throw new AppError("conflict", `Action #${id} no longer exists`, { reason: "subject_gone" });
    if (a.status === newStatus) return;
    await tx
      .updateTable("actions")
      .set({ status: newStatus, version: sql<number>`version + 1`, updated_at: new Date() })
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, actor, {
      partnershipId: ref.id,
      entityType: "action",
      entityId: id,
      action: "apply-update",
      before: { status: a.status, version: a.version },
      after: { status: newStatus, version: a.version + 1, updateId: update.id },
    });
    await applyRollUp(tx, actor, ref, a.commitment_id);
    return;
  }
  const c = await findCommitmentRow(tx, ref.id, { id });
  if (!c) throw new AppError("conflict", `Commitment #${id} no longer exists`, { reason: "subject_gone" });
  if ((await listActionStatuses(tx, c.id)).length > 0) {
    throw refuse(
      "status_rolls_up",
      `Commitment ${c.code} has gained actions since this update was written, so its status now rolls up from them; return the update`,
      update,
    );
  }
  if (c.status === newStatus) return;
  await tx
    .updateTable("commitments")
    .set({ status: newStatus, version: sql<number>`version + 1`, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
  await recordAudit(tx, actor, {
    partnershipId: ref.id,
    entityType: "commitment",
    entityId: id,
    action: "apply-update",
    before: { code: c.code, status: c.status, version: c.version },
    after: { code: c.code, status: newStatus, version: c.version + 1, updateId: update.id },
  });
}

/** The partnership an update belongs to (the CLI names updates by id alone). */
export async function partnershipOfUpdate(db: DbOrTx, id: number): Promise<PartnershipRef> {
  const row = await db
    .selectFrom("updates as u")
    .innerJoin("partnerships as p", "p.id", "u.partnership_id")
    .select(["p.id", "p.slug", "p.party_a", "p.party_b"])
    .where("u.id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", `No update #${id}`);
  return { id: row.id, slug: row.slug, partyA: row.party_a, partyB: row.party_b };
}
