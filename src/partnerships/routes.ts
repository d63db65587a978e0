import { z } from "zod";
import { actorOf } from "../http/access.ts";
import type { App } from "../http/app.ts";
import { newPartnershipSchema, partnershipDetailSchema, partnershipSummarySchema, slugParamsSchema } from "./schema.ts";
import { createPartnership, getPartnership, listPartnerships } from "./service.ts";

export function registerPartnershipRoutes(app: App): void {
  const { db } = app.ctx;
  app.get(
    "/api/partnerships",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["partnerships"],
        summary: "List partnerships",
        response: { 200: z.object({ partnerships: z.array(partnershipSummarySchema) }) },
      },
    },
    async () => ({ partnerships: await listPartnerships(db) }),
  );

  app.get(
    "/api/partnerships/:slug",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["partnerships"],
        summary: "One partnership: parties, level history, pillars, counts",
        params: slugParamsSchema,
        response: { 200: partnershipDetailSchema },
      },
    },
    async (request) => getPartnership(db, request.params.slug),
  );

  app.post(
    "/api/partnerships",
    {
      config: { access: { role: "admin" } },
      schema: {
        tags: ["partnerships"],
        summary: "Create a partnership (global admin)",
        body: newPartnershipSchema,
        response: { 201: partnershipDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPartnership(db, actorOf(request), request.body)),
  );
}
