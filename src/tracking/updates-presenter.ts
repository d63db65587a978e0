import { z } from "zod";
import type { ApprovalRow, UpdateRow } from "./updates-repository.ts";
import { subjectTypeSchema, type UpdateView, updateStateSchema } from "./schema.ts";
import { statusSchema } from "./status.ts";

export interface SignoffContext {
  partyA: string;
  partyB: string;
  singleSideSignoff: boolean;
}

/**
 * Evidence as stored: our own `{ url?, citation? }` items, or citations
 * written by plan publishing as `{ citation: { sourceId, start, end, quote } }`.
 * Anything else is skipped rather than failing the read.
 */
const storedCitation = z.object({ sourceId: z.number(), start: z.number(), end: z.number(), quote: z.string() });
const storedItem = z.object({
  url: z.string().optional(),
  citation: z.union([z.string(), storedCitation]).optional(),
});

function readEvidence(raw: unknown): UpdateView["evidence"] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = storedItem.safeParse(item);
    if (!parsed.success) return [];
    const { url, citation } = parsed.data;
    const text =
      typeof citation === "object"
        ? `"${citation.quote}" (source #${citation.sourceId}, characters ${citation.start}–${citation.end})`
        : citation;
    if (url === undefined && text === undefined) return [];
    return [{ ...(url !== undefined ? { url } : {}), ...(text !== undefined ? { citation: text } : {}) }];
  });
}

/**
 * Parties still to approve: every party without an approval, or for
 * single-side sign-off either party until one has approved.
 */
export function waitingFor(ctx: SignoffContext, approvedParties: readonly string[]): string[] {
  const parties = [ctx.partyA, ctx.partyB];
  if (ctx.singleSideSignoff) return approvedParties.length > 0 ? [] : parties;
  return parties.filter((p) => !approvedParties.includes(p));
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * An update's public shape. `internal` (callers with a role on the
 * partnership) adds who wrote and approved it; the public sees parties and
 * dates only.
 */
export function presentUpdate(
  u: UpdateRow,
  approvals: readonly ApprovalRow[],
  label: string,
  ctx: SignoffContext,
  internal: boolean,
): UpdateView {
  const own = approvals.filter((a) => a.update_id === u.id);
  const approved = own.map((a) => a.party);
  return {
    id: u.id,
    subject: { type: subjectTypeSchema.parse(u.subject_type), id: u.subject_id, label },
    note: u.note,
    newStatus: u.new_status === null ? null : statusSchema.parse(u.new_status),
    evidence: readEvidence(u.evidence),
    state: updateStateSchema.parse(u.state),
    returnReason: u.return_reason,
    signoff: {
      rule: ctx.singleSideSignoff ? "either-party" : "each-party",
      parties: [ctx.partyA, ctx.partyB],
      waitingFor: u.state === "pending" ? waitingFor(ctx, approved) : [],
    },
    approvals: own.map((a) => ({
      party: a.party,
      approvedAt: new Date(a.approved_at).toISOString(),
      ...(internal ? { by: a.email } : {}),
    })),
    ...(internal ? { author: u.author_email } : {}),
    submissions: u.submissions,
    submittedAt: iso(u.submitted_at),
    decidedAt: iso(u.decided_at),
    createdAt: new Date(u.created_at).toISOString(),
    updatedAt: new Date(u.updated_at).toISOString(),
    version: u.version,
  };
}
