import type { DbOrTx } from "../core/db/create-db.ts";
import type { PartnershipRef } from "../http/access.ts";
import { listPillarRows } from "../partnerships/repository.ts";
import { listActionRows, listCommitmentRows, listMilestoneRows } from "./repository.ts";
import type { Dashboard } from "./schema.ts";
import { asStatus, daysBetween, emptyStatusCounts, isOverdue, type Status, todayUtc } from "./status.ts";
import { listUpdates } from "./updates-service.ts";

type Counts = Dashboard["totals"]["actions"];

const emptyCounts = (): Counts => ({ ...emptyStatusCounts(), total: 0, overdue: 0 });

function tally(counts: Counts, status: Status, overdue: boolean): void {
  counts[status] += 1;
  counts.total += 1;
  if (overdue) counts.overdue += 1;
}

export interface DashboardOptions {
  /** The day overdue flags are computed for (YYYY-MM-DD); default today, UTC. */
  today?: string | undefined;
  /** How many recent approved updates to include; default 10. */
  recentUpdates?: number | undefined;
  /** How many overdue milestones to list, most overdue first; default 50. */
  overdueMilestones?: number | undefined;
}

/**
 * The progress summary the portal, the API and the reports share: counts by
 * status per partnership and pillar, overdue milestones, counts by lead
 * agency, and the latest approved updates. Only public data: statuses change
 * only through approved updates, and the update feed is approved updates only.
 *
 * @example
 *   const d = await getDashboard(db, ref, { today: "2026-06-30" });
 *   d.pillars[0].actions.overdue;
 */
export async function getDashboard(db: DbOrTx, ref: PartnershipRef, opts: DashboardOptions = {}): Promise<Dashboard> {
  const today = opts.today ?? todayUtc();
  const [pillars, commitments, actions, milestones, recentUpdates] = await Promise.all([
    listPillarRows(db, ref.id),
    listCommitmentRows(db, ref.id),
    listActionRows(db, ref.id),
    listMilestoneRows(db, ref.id),
    listUpdates(db, ref, { internal: false, limit: opts.recentUpdates ?? 10 }),
  ]);

  const totals = { commitments: emptyCounts(), actions: emptyCounts(), milestones: emptyCounts() };
  const byPillar = new Map(pillars.map((p) => [p.id, { commitments: emptyCounts(), actions: emptyCounts() }]));
  const pillarOf = new Map(commitments.map((c) => [c.id, c.pillar_id]));
  const pillarCode = new Map(pillars.map((p) => [p.id, p.code]));

  for (const c of commitments) {
    const status = asStatus(c.status);
    const overdue = isOverdue(c.deadline, status, today);
    tally(totals.commitments, status, overdue);
    const p = c.pillar_id === null ? undefined : byPillar.get(c.pillar_id);
    if (p) tally(p.commitments, status, overdue);
  }

  const agencies = new Map<string, { party: string; agency: string; actions: Counts }>();
  const actionById = new Map(actions.map((a) => [a.id, a]));
  for (const a of actions) {
    const status = asStatus(a.status);
    const overdue = isOverdue(a.due_date, status, today);
    tally(totals.actions, status, overdue);
    const pillarId = pillarOf.get(a.commitment_id);
    const p = pillarId === null || pillarId === undefined ? undefined : byPillar.get(pillarId);
    if (p) tally(p.actions, status, overdue);
    const leads: [string, string | null][] = [
      [ref.partyA, a.lead_agency_a],
      [ref.partyB, a.lead_agency_b],
    ];
    for (const [party, agency] of leads) {
      if (!agency) continue;
      const key = `${party}\u0000${agency}`;
      let entry = agencies.get(key);
      if (!entry) {
        entry = { party, agency, actions: emptyCounts() };
        agencies.set(key, entry);
      }
      tally(entry.actions, status, overdue);
    }
  }

  const overdueMilestones: Dashboard["overdueMilestones"] = [];
  for (const m of milestones) {
    const status = asStatus(m.status);
    const overdue = isOverdue(m.due_date, status, today);
    tally(totals.milestones, status, overdue);
    const action = actionById.get(m.action_id);
    if (!overdue || !m.due_date || !action) continue;
    const pillarId = pillarOf.get(action.commitment_id);
    overdueMilestones.push({
      id: m.id,
      title: m.title,
      dueDate: m.due_date,
      daysOverdue: daysBetween(m.due_date, today),
      status,
      action: { id: action.id, title: action.title },
      commitmentCode: action.commitment_code,
      pillarCode: pillarId === null || pillarId === undefined ? null : (pillarCode.get(pillarId) ?? null),
    });
  }
  overdueMilestones.sort((x, y) => y.daysOverdue - x.daysOverdue || x.id - y.id);

  return {
    partnership: { slug: ref.slug, parties: [ref.partyA, ref.partyB] },
    asOf: today,
    totals,
    pillars: pillars.map((p) => {
      const counts = byPillar.get(p.id) ?? { commitments: emptyCounts(), actions: emptyCounts() };
      return { code: p.code, name: p.name, nameVi: p.name_vi, ...counts };
    }),
    overdueMilestones: overdueMilestones.slice(0, opts.overdueMilestones ?? 50),
    leadAgencies: [...agencies.values()].sort(
      (x, y) => y.actions.total - x.actions.total || x.party.localeCompare(y.party) || x.agency.localeCompare(y.agency),
    ),
    recentUpdates,
  };
}
