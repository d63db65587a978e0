import type { DbOrTx } from "../core/db/create-db.ts";
import type { Actor } from "./actor.ts";

export interface AuditEntry {
  partnershipId: number | null;
  entityType: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one event to the audit log, inside the caller's transaction so the
 * entry exists exactly when the change does. The table rejects update and
 * delete at the database level.
 */
export async function recordAudit(db: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      actor_id: actor.userId,
      actor: actor.label,
      partnership_id: entry.partnershipId,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditQuery {
  partnershipId: number;
  afterId?: number | undefined;
  limit?: number | undefined;
}

export async function listAudit(db: DbOrTx, q: AuditQuery) {
  return db
    .selectFrom("audit_events")
    .selectAll()
    .where("partnership_id", "=", q.partnershipId)
    .where("id", ">", q.afterId ?? 0)
    .orderBy("id")
    .limit(q.limit ?? 200)
    .execute();
}
