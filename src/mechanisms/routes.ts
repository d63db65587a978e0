import { z } from "zod";
import { actorOf, requirePartnership } from "../http/access.ts";
import type { App } from "../http/app.ts";
import { slugParamsSchema } from "../partnerships/schema.ts";
import { idParamsSchema } from "../tracking/schema.ts";
import {
  mechanismPatchSchema,
  mechanismSchema,
  meetingPatchSchema,
  meetingSchema,
  newMechanismSchema,
  newMeetingSchema,
} from "./schema.ts";
import { createMechanism, createMeeting, listMechanisms, updateMechanism, updateMeeting } from "./service.ts";

export function registerMechanismRoutes(app: App): void {
  const { db } = app.ctx;

  app.get(
    "/api/partnerships/:slug/mechanisms",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["mechanisms"],
        summary: "Dialogues and committees with their meetings and the actions each reviewed",
        params: slugParamsSchema,
        response: { 200: z.object({ mechanisms: z.array(mechanismSchema) }) },
      },
    },
    async (request) => ({ mechanisms: await listMechanisms(db, requirePartnership(request)) }),
  );

  app.post(
    "/api/partnerships/:slug/mechanisms",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["mechanisms"],
        summary: "Add a dialogue or committee (editor)",
        params: slugParamsSchema,
        body: newMechanismSchema,
        response: { 201: mechanismSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMechanism(db, actorOf(request), requirePartnership(request), request.body)),
  );

  app.patch(
    "/api/partnerships/:slug/mechanisms/:id",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["mechanisms"],
        summary: "Edit a mechanism at the version read (editor; 409 when stale)",
        params: idParamsSchema,
        body: mechanismPatchSchema,
        response: { 200: mechanismSchema },
      },
    },
    async (request) =>
      updateMechanism(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
  );

  app.post(
    "/api/partnerships/:slug/mechanisms/:id/meetings",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["mechanisms"],
        summary: "Record a meeting and the actions it reviewed (editor)",
        params: idParamsSchema,
        body: newMeetingSchema,
        response: { 201: meetingSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createMeeting(db, actorOf(request), requirePartnership(request), request.params.id, request.body)),
  );

  app.patch(
    "/api/partnerships/:slug/meetings/:id",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["mechanisms"],
        summary: "Edit a meeting at the version read (editor; 409 when stale)",
        params: idParamsSchema,
        body: meetingPatchSchema,
        response: { 200: meetingSchema },
      },
    },
    async (request) =>
      updateMeeting(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
  );
}
