import type { DbOrTx } from "../core/db/create-db.ts";
import { type AuditEventView, presentAuditEvent } from "./presenter.ts";
import { listAudit } from "./repository.ts";

/**
 * One page of a partnership's audit log, oldest first. `nextAfter` is the
 * id to pass as `after` for the next page, or null on the last page.
 *
 * @example
 *   let page = await readAuditLog(db, partnershipId);
 *   while (page.nextAfter !== null) page = await readAuditLog(db, partnershipId, { after: page.nextAfter });
 */
export async function readAuditLog(
  db: DbOrTx,
  partnershipId: number,
  opts: { after?: number | undefined; limit?: number | undefined } = {},
): Promise<{ events: AuditEventView[]; nextAfter: number | null }> {
  const limit = opts.limit ?? 200;
  // One extra row tells whether another page exists.
  const rows = await listAudit(db, { partnershipId, afterId: opts.after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { events: page.map(presentAuditEvent), nextAfter: rows.length > limit && last ? last.id : null };
}
