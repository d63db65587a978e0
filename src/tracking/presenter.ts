import type { PartnershipRef } from "../http/access.ts";
import type { ActionRow, CommitmentRow, MilestoneRow } from "./repository.ts";
import type { ActionView, CommitmentView, MilestoneView } from "./schema.ts";
import { asStatus, isOverdue } from "./status.ts";

/** The two parties of a partnership, in the order lead_agency_a / lead_agency_b follow. */
export type Parties = Pick<PartnershipRef, "partyA" | "partyB">;

export function presentMilestone(m: MilestoneRow, today: string): MilestoneView {
  const status = asStatus(m.status);
  return {
    id: m.id,
    actionId: m.action_id,
    title: m.title,
    dueDate: m.due_date,
    completedOn: m.completed_on,
    evidenceUrls: m.evidence_urls,
    status,
    overdue: isOverdue(m.due_date, status, today),
    version: m.version,
  };
}

export function presentAction(
  a: ActionRow,
  parties: Parties,
  milestones: readonly MilestoneRow[],
  today: string,
): ActionView {
  const status = asStatus(a.status);
  const leadAgencies: ActionView["leadAgencies"] = [];
  if (a.lead_agency_a) leadAgencies.push({ party: parties.partyA, agency: a.lead_agency_a });
  if (a.lead_agency_b) leadAgencies.push({ party: parties.partyB, agency: a.lead_agency_b });
  return {
    id: a.id,
    commitmentId: a.commitment_id,
    commitmentCode: a.commitment_code,
    title: a.title,
    description: a.description,
    leadAgencies,
    supportingAgencies: a.supporting_agencies,
    startDate: a.start_date,
    dueDate: a.due_date,
    status,
    overdue: isOverdue(a.due_date, status, today),
    version: a.version,
    milestones: milestones.filter((m) => m.action_id === a.id).map((m) => presentMilestone(m, today)),
  };
}

export function presentCommitment(
  c: CommitmentRow,
  parties: Parties,
  actions: readonly ActionRow[],
  milestones: readonly MilestoneRow[],
  today: string,
): CommitmentView {
  const status = asStatus(c.status);
  const own = actions.filter((a) => a.commitment_id === c.id);
  return {
    id: c.id,
    code: c.code,
    text: c.text,
    pillar: c.pillar_code && c.pillar_name ? { code: c.pillar_code, name: c.pillar_name } : null,
    instrument: c.instrument_id && c.instrument_name ? { id: c.instrument_id, name: c.instrument_name } : null,
    actors: c.actors,
    deadline: c.deadline,
    status,
    statusSource: own.length > 0 ? "actions" : "updates",
    overdue: isOverdue(c.deadline, status, today),
    version: c.version,
    actions: own.map((a) => presentAction(a, parties, milestones, today)),
  };
}
