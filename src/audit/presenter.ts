import { z } from "zod";
import type { listAudit } from "./repository.ts";

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export function presentAuditEvent(e: Awaited<ReturnType<typeof listAudit>>[number]): AuditEventView {
  return {
    id: e.id,
    at: new Date(e.at).toISOString(),
    actor: e.actor,
    entityType: e.entity_type,
    entityId: e.entity_id,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}
