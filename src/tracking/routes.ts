import { z } from "zod";
import { registerAuditRoutes } from "../audit/routes.ts";
import { hasRole } from "../auth/roles.ts";
import { actorOf, requirePartnership } from "../http/access.ts";
import type { App } from "../http/app.ts";
import { registerInstrumentRoutes } from "../instruments/routes.ts";
import { registerMechanismRoutes } from "../mechanisms/routes.ts";
import { slugParamsSchema } from "../partnerships/schema.ts";
import { getDashboard } from "./dashboard.ts";
import {
  actionPatchSchema,
  actionSchema,
  approveBodySchema,
  codeParamsSchema,
  commitmentPatchSchema,
  commitmentSchema,
  dashboardSchema,
  idParamsSchema,
  isoDate,
  milestonePatchSchema,
  milestoneSchema,
  newActionSchema,
  newMilestoneSchema,
  newUpdateSchema,
  returnBodySchema,
  subjectTypeSchema,
  updatePatchSchema,
  updateSchema,
  updateStateSchema,
  versionBodySchema,
} from "./schema.ts";
import {
  createAction,
  createMilestone,
  getAction,
  getCommitment,
  linkCommitmentInstrument,
  listCommitments,
  updateAction,
  updateMilestone,
} from "./service.ts";
import {
  approveUpdate,
  createUpdate,
  editUpdate,
  getUpdate,
  listUpdates,
  returnUpdate,
  submitUpdate,
} from "./updates-service.ts";

const asOfQuery = z.object({ asOf: isoDate.optional() });

const updatesQuery = z.object({
  state: updateStateSchema.optional(),
  subjectType: subjectTypeSchema.optional(),
  subjectId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/**
 * Implementation tracking over HTTP: commitments with actions and
 * milestones, the update workflow, the dashboard, and (registered from
 * here so the server composes one line) instruments, mechanisms and audit.
 */
export function registerTrackingRoutes(app: App): void {
  const { db } = app.ctx;
  registerInstrumentRoutes(app);
  registerMechanismRoutes(app);
  registerAuditRoutes(app);

  app.get(
    "/api/partnerships/:slug/dashboard",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["tracking"],
        summary: "Progress by status, pillar and lead agency, overdue milestones, recent approved updates",
        params: slugParamsSchema,
        querystring: asOfQuery,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => getDashboard(db, requirePartnership(request), { today: request.query.asOf }),
  );

  app.get(
    "/api/partnerships/:slug/commitments",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["tracking"],
        summary: "Commitments with their actions, milestones, status and overdue flags",
        params: slugParamsSchema,
        querystring: asOfQuery,
        response: { 200: z.object({ commitments: z.array(commitmentSchema) }) },
      },
    },
    async (request) => ({
      commitments: await listCommitments(db, requirePartnership(request), { today: request.query.asOf }),
    }),
  );

  app.get(
    "/api/partnerships/:slug/commitments/:code",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["tracking"],
        summary: "One commitment by code",
        params: codeParamsSchema,
        querystring: asOfQuery,
        response: { 200: commitmentSchema },
      },
    },
    async (request) =>
      getCommitment(db, requirePartnership(request), { code: request.params.code }, { today: request.query.asOf }),
  );

  app.patch(
    "/api/partnerships/:slug/commitments/:code",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["tracking"],
        summary: "Link the instrument a commitment implements (editor; 409 when stale)",
        params: codeParamsSchema,
        body: commitmentPatchSchema,
        response: { 200: commitmentSchema },
      },
    },
    async (request) =>
      linkCommitmentInstrument(db, actorOf(request), requirePartnership(request), request.params.code, request.body),
  );

  app.post(
    "/api/partnerships/:slug/commitments/:code/actions",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["tracking"],
        summary: "Add an action under a commitment (editor)",
        params: codeParamsSchema,
        body: newActionSchema,
        response: { 201: actionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAction(db, actorOf(request), requirePartnership(request), request.params.code, request.body)),
  );

  app.get(
    "/api/partnerships/:slug/actions/:id",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["tracking"],
        summary: "One action with its milestones",
        params: idParamsSchema,
        querystring: asOfQuery,
        response: { 200: actionSchema },
      },
    },
    async (request) => getAction(db, requirePartnership(request), request.params.id, { today: request.query.asOf }),
  );

  app.patch(
    "/api/partnerships/:slug/actions/:id",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["tracking"],
        summary: "Edit an action at the version read (editor; 409 with the current action when stale)",
        params: idParamsSchema,
        body: actionPatchSchema,
        response: { 200: actionSchema },
      },
    },
    async (request) => updateAction(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
  );

  app.post(
    "/api/partnerships/:slug/actions/:id/milestones",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["tracking"],
        summary: "Add a milestone to an action (editor)",
        params: idParamsSchema,
        body: newMilestoneSchema,
        response: { 201: milestoneSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createMilestone(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
        ),
  );

  app.patch(
    "/api/partnerships/:slug/milestones/:id",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["tracking"],
        summary: "Edit a milestone at the version read (editor; 409 when stale)",
        params: idParamsSchema,
        body: milestonePatchSchema,
        response: { 200: milestoneSchema },
      },
    },
    async (request) =>
      updateMilestone(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
  );

  app.get(
    "/api/partnerships/:slug/updates",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["updates"],
        summary: "Updates: approved ones for everyone; drafts, pending and returned ones too for viewers and above",
        params: slugParamsSchema,
        querystring: updatesQuery,
        response: { 200: z.object({ updates: z.array(updateSchema) }) },
      },
    },
    async (request) => {
      const ref = requirePartnership(request);
      const q = request.query;
      const updates = await listUpdates(db, ref, {
        internal: hasRole(request.principal, "viewer", ref.id),
        states: q.state ? [q.state] : undefined,
        subject: q.subjectType && q.subjectId ? { type: q.subjectType, id: q.subjectId } : undefined,
        limit: q.limit,
      });
      return { updates };
    },
  );

  app.get(
    "/api/partnerships/:slug/updates/:id",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["updates"],
        summary: "One update (unpublished ones, with their history, for viewers and above)",
        params: idParamsSchema,
        response: { 200: updateSchema },
      },
    },
    async (request) => {
      const ref = requirePartnership(request);
      return getUpdate(db, ref, request.params.id, { internal: hasRole(request.principal, "viewer", ref.id) });
    },
  );

  app.post(
    "/api/partnerships/:slug/updates",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["updates"],
        summary: "Write a progress note or status change as a draft (or submit it with submit: true) (editor)",
        params: slugParamsSchema,
        body: newUpdateSchema,
        response: { 201: updateSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createUpdate(db, actorOf(request), requirePartnership(request), request.body)),
  );

  app.patch(
    "/api/partnerships/:slug/updates/:id",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["updates"],
        summary: "Edit a draft or returned update (editor; 409 not_editable otherwise)",
        params: idParamsSchema,
        body: updatePatchSchema,
        response: { 200: updateSchema },
      },
    },
    async (request) => editUpdate(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
  );

  app.post(
    "/api/partnerships/:slug/updates/:id/submit",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["updates"],
        summary: "Submit a draft or returned update for review (editor)",
        params: idParamsSchema,
        body: versionBodySchema,
        response: { 200: updateSchema },
      },
    },
    async (request) => submitUpdate(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
  );

  app.post(
    "/api/partnerships/:slug/updates/:id/approve",
    {
      config: { access: { role: "reviewer" } },
      schema: {
        tags: ["updates"],
        summary: "Approve a pending update for your party (reviewer); published once each party approved",
        params: idParamsSchema,
        body: approveBodySchema,
        response: { 200: updateSchema },
      },
    },
    async (request) =>
      approveUpdate(
        db,
        actorOf(request),
        request.principal,
        requirePartnership(request),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    "/api/partnerships/:slug/updates/:id/return",
    {
      config: { access: { role: "reviewer" } },
      schema: {
        tags: ["updates"],
        summary: "Return a pending update to its author with a reason (reviewer)",
        params: idParamsSchema,
        body: returnBodySchema,
        response: { 200: updateSchema },
      },
    },
    async (request) =>
      returnUpdate(
        db,
        actorOf(request),
        request.principal,
        requirePartnership(request),
        request.params.id,
        request.body,
      ),
  );
}
