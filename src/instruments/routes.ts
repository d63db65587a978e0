import { z } from "zod";
import { actorOf, requirePartnership } from "../http/access.ts";
import type { App } from "../http/app.ts";
import { slugParamsSchema } from "../partnerships/schema.ts";
import { idParamsSchema } from "../tracking/schema.ts";
import { instrumentPatchSchema, instrumentSchema, newInstrumentSchema } from "./schema.ts";
import { createInstrument, getInstrument, listInstruments, updateInstrument } from "./service.ts";

export function registerInstrumentRoutes(app: App): void {
  const { db } = app.ctx;

  app.get(
    "/api/partnerships/:slug/instruments",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["instruments"],
        summary: "The instruments register, with the commitments each one implements",
        params: slugParamsSchema,
        response: { 200: z.object({ instruments: z.array(instrumentSchema) }) },
      },
    },
    async (request) => ({ instruments: await listInstruments(db, requirePartnership(request)) }),
  );

  app.get(
    "/api/partnerships/:slug/instruments/:id",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["instruments"],
        summary: "One instrument",
        params: idParamsSchema,
        response: { 200: instrumentSchema },
      },
    },
    async (request) => getInstrument(db, requirePartnership(request), request.params.id),
  );

  app.post(
    "/api/partnerships/:slug/instruments",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["instruments"],
        summary: "Add an instrument (editor)",
        params: slugParamsSchema,
        body: newInstrumentSchema,
        response: { 201: instrumentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInstrument(db, actorOf(request), requirePartnership(request), request.body)),
  );

  app.patch(
    "/api/partnerships/:slug/instruments/:id",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["instruments"],
        summary: "Edit an instrument at the version read (editor; 409 when stale)",
        params: idParamsSchema,
        body: instrumentPatchSchema,
        response: { 200: instrumentSchema },
      },
    },
    async (request) =>
      updateInstrument(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
  );
}
