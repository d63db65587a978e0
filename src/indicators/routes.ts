import { z } from "zod";
import { AppError } from "../core/errors.ts";
import { actorOf, requirePartnership } from "../http/access.ts";
import type { App } from "../http/app.ts";
import { idParamsSchema, slugParamsSchema } from "../partnerships/schema.ts";
import { renderChartSvg, targetChartOptions } from "./chart.ts";
import { MAX_CSV_BYTES } from "./observations-csv.ts";
import { importResultSchema, indicatorSchema, targetPatchSchema, targetSchema } from "./schema.ts";
import { getTarget, importObservations, listIndicators, listTargets, updateTarget } from "./service.ts";

export function registerIndicatorRoutes(app: App): void {
  const { db } = app.ctx;

  // Observation uploads are CSV text.
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: MAX_CSV_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    "/api/partnerships/:slug/indicators",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["indicators"],
        summary: "Indicators with their observation series",
        params: slugParamsSchema,
        response: { 200: z.object({ indicators: z.array(indicatorSchema) }) },
      },
    },
    async (request) => ({ indicators: await listIndicators(db, requirePartnership(request).id) }),
  );

  app.post(
    "/api/partnerships/:slug/indicators/:id/observations",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["indicators"],
        summary: "Import observations for one indicator (text/csv; header as in the README)",
        params: idParamsSchema,
        body: z.string().min(1),
        response: { 201: importResultSchema },
      },
    },
    async (request, reply) => {
      if (!String(request.headers["content-type"] ?? "").startsWith("text/csv")) {
        throw new AppError("unsupported_media_type", "Send the observations as text/csv");
      }
      const result = await importObservations(
        db,
        actorOf(request),
        requirePartnership(request),
        request.body,
        "upload.csv",
        { indicatorId: request.params.id },
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/partnerships/:slug/targets",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["targets"],
        summary: "Targets with progress, required growth, projection and status",
        params: slugParamsSchema,
        response: { 200: z.object({ targets: z.array(targetSchema) }) },
      },
    },
    async (request) => ({ targets: await listTargets(db, requirePartnership(request).id) }),
  );

  app.get(
    "/api/partnerships/:slug/targets/:id",
    {
      config: { access: { public: true } },
      schema: { tags: ["targets"], summary: "One target", params: idParamsSchema, response: { 200: targetSchema } },
    },
    async (request) => (await getTarget(db, requirePartnership(request).id, request.params.id)).view,
  );

  app.patch(
    "/api/partnerships/:slug/targets/:id",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["targets"],
        summary: "Set a target's indicator, baseline, value or deadline (send the version you read)",
        params: idParamsSchema,
        body: targetPatchSchema,
        response: { 200: targetSchema },
      },
    },
    async (request) => updateTarget(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
  );

  app.get(
    "/api/partnerships/:slug/targets/:id/chart.svg",
    {
      config: { access: { public: true } },
      schema: { tags: ["targets"], summary: "The target chart as SVG", params: idParamsSchema },
    },
    async (request, reply) => {
      const detail = await getTarget(db, requirePartnership(request).id, request.params.id);
      return reply.type("image/svg+xml").send(renderChartSvg(targetChartOptions(detail)));
    },
  );

  app.get(
    "/api/partnerships/:slug/targets/:id/chart.json",
    {
      config: { access: { public: true } },
      schema: { tags: ["targets"], summary: "The target chart as ECharts options", params: idParamsSchema },
    },
    async (request) => targetChartOptions(await getTarget(db, requirePartnership(request).id, request.params.id)),
  );
}
