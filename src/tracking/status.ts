import { z } from "zod";

/**
 * The completion scale of open-government action-plan reviews (not started,
 * limited, substantial, complete), plus withdrawn for work the parties
 * dropped. Actions, milestones and commitments all use it.
 */
export const STATUSES = ["not_started", "limited", "substantial", "complete", "withdrawn"] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/** Parses a stored status; rows are constrained by the database, so anything else is a bug. */
export function asStatus(value: string): Status {
  const parsed = statusSchema.safeParse(value);
  if (!parsed.success) throw new Error(`unexpected status "${value}" in the database`);
  return parsed.data;
}

/** A zero count for every status, in scale order. */
export function emptyStatusCounts(): Record<Status, number> {
  return { not_started: 0, limited: 0, substantial: 0, complete: 0, withdrawn: 0 };
}

/**
 * A commitment's status from its actions (README, "Status roll-up"):
 *
 * 1. Withdrawn actions do not count; if every action is withdrawn, so is the commitment.
 * 2. Every remaining action complete → complete; every one not started → not started.
 * 3. Otherwise substantial when at least half the remaining actions are
 *    substantial or complete, else limited.
 *
 * Returns null when there are no actions: the commitment then keeps the
 * status its own approved updates gave it.
 *
 * @example
 *   rollUpStatus(["complete", "limited", "withdrawn"]); // "substantial"
 */
export function rollUpStatus(actionStatuses: readonly Status[]): Status | null {
  if (actionStatuses.length === 0) return null;
  const active = actionStatuses.filter((s) => s !== "withdrawn");
  if (active.length === 0) return "withdrawn";
  if (active.every((s) => s === "complete")) return "complete";
  if (active.every((s) => s === "not_started")) return "not_started";
  const advanced = active.filter((s) => s === "substantial" || s === "complete").length;
  return advanced * 2 >= active.length ? "substantial" : "limited";
}

/** Today as YYYY-MM-DD in UTC: due dates are calendar dates without a zone. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The last day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) covers, so a
 * deadline of "2030" is overdue only from 2031-01-01.
 */
export function endOfPartialDate(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) {
    const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, "0")}`;
  }
  return date;
}

/**
 * Overdue: the due date (or the end of a partial deadline) has passed and
 * the work is neither complete nor withdrawn.
 */
export function isOverdue(due: string | null, status: Status, today: string): boolean {
  if (!due || status === "complete" || status === "withdrawn") return false;
  return endOfPartialDate(due) < today;
}

/** Whole days from `due` to `today` (positive when late). */
export function daysBetween(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${endOfPartialDate(due)}T00:00:00Z`)) / 86_400_000);
}
