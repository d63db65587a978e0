import { z } from "zod";
import { requirePartnership } from "../http/access.ts";
import type { App } from "../http/app.ts";
import { slugSchema } from "../partnerships/schema.ts";
import { auditEventSchema } from "./presenter.ts";
import { readAuditLog } from "./service.ts";

export function registerAuditRoutes(app: App): void {
  const { db } = app.ctx;
  app.get(
    "/api/partnerships/:slug/audit",
    {
      config: { access: { role: "viewer" } },
      schema: {
        tags: ["audit"],
        summary: "The partnership's audit log, oldest first; page with ?after=<last id> (viewer)",
        params: z.object({ slug: slugSchema }),
        querystring: z.object({
          after: z.coerce.number().int().min(0).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
        response: {
          200: z.object({ events: z.array(auditEventSchema), nextAfter: z.number().nullable() }),
        },
      },
    },
    async (request) =>
      readAuditLog(db, requirePartnership(request).id, { after: request.query.after, limit: request.query.limit }),
  );
}
