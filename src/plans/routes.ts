import { z } from "zod";
import { actorOf, requirePartnership } from "../http/access.ts";
import type { App } from "../http/app.ts";
import { idParamsSchema, slugParamsSchema } from "../partnerships/schema.ts";
import { MAX_SOURCE_BYTES } from "../extract/index.ts";
import { decisionSchema, REVIEW_CATEGORIES } from "./review.ts";
import {
  decideReviewItem,
  diffVersions,
  exportPlan,
  getPlan,
  getSource,
  ingestSources,
  listReviewItems,
  listVersions,
  publishPlan,
} from "./service.ts";

const versionParams = slugParamsSchema.extend({ n: z.coerce.number().int().positive() });

export function registerPlanRoutes(app: App): void {
  const { db } = app.ctx;

  app.post(
    "/api/partnerships/:slug/sources",
    {
      config: { access: { role: "editor" } },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ["review"],
        summary: "Ingest source texts: stored byte-exact, extracted, queued for review",
        params: slugParamsSchema,
        body: z.object({
          sources: z
            .array(
              z.object({
                name: z.string().min(1).max(300),
                text: z.string().min(1).max(MAX_SOURCE_BYTES),
                format: z.enum(["txt", "md", "html"]).default("txt"),
                title: z.string().max(500).optional(),
                publishedOn: z
                  .string()
                  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
                  .optional(),
                url: z.url().optional(),
                publisher: z.string().max(300).optional(),
              }),
            )
            .min(1)
            .max(100),
        }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await ingestSources(db, actorOf(request), requirePartnership(request), request.body.sources)),
  );

  app.get(
    "/api/partnerships/:slug/sources/:id",
    {
      config: { access: { role: "viewer" } },
      schema: {
        tags: ["review"],
        summary: "A stored source with its text (offsets index into it)",
        params: idParamsSchema,
      },
    },
    async (request) => getSource(db, requirePartnership(request), request.params.id),
  );

  app.get(
    "/api/partnerships/:slug/review",
    {
      config: { access: { role: "viewer" } },
      schema: {
        tags: ["review"],
        summary: "The review queue, by category, with citations",
        params: slugParamsSchema,
        querystring: z.object({
          status: z.enum(["pending", "accepted", "rejected", "merged"]).optional(),
          category: z.enum(REVIEW_CATEGORIES).optional(),
        }),
      },
    },
    async (request) => ({
      items: await listReviewItems(db, requirePartnership(request).id, request.query),
    }),
  );

  app.post(
    "/api/partnerships/:slug/review/:id",
    {
      config: { access: { role: "editor" } },
      schema: {
        tags: ["review"],
        summary: "Decide a review item: accept, reject, edit, merge or resolve (send the version you read)",
        params: idParamsSchema,
        body: decisionSchema,
      },
    },
    async (request) =>
      decideReviewItem(db, actorOf(request), requirePartnership(request), request.params.id, request.body),
  );

  app.post(
    "/api/partnerships/:slug/plan/versions",
    {
      config: { access: { role: "reviewer" } },
      schema: {
        tags: ["plan"],
        summary: "Publish the accepted items as the next plan version",
        params: slugParamsSchema,
        body: z.object({ note: z.string().max(1000).optional() }).default({}),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await publishPlan(db, actorOf(request), requirePartnership(request), request.body.note ?? null)),
  );

  app.get(
    "/api/partnerships/:slug/plan/versions",
    {
      config: { access: { public: true } },
      schema: { tags: ["plan"], summary: "Published plan versions", params: slugParamsSchema },
    },
    async (request) => ({ versions: await listVersions(db, requirePartnership(request).id) }),
  );

  app.get(
    "/api/partnerships/:slug/plan/versions/:n",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["plan"],
        summary: "One plan version; ?format=md|csv|json",
        params: versionParams,
        querystring: z.object({ format: z.enum(["json", "csv", "md"]).default("json") }),
      },
    },
    async (request, reply) => {
      const { contentType, body } = await exportPlan(
        db,
        requirePartnership(request),
        request.query.format,
        request.params.n,
      );
      return reply.type(contentType).send(body);
    },
  );

  app.get(
    "/api/partnerships/:slug/plan/versions/:n/diff/:m",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["plan"],
        summary: "Items added, removed and changed from version n to m",
        params: versionParams.extend({ m: z.coerce.number().int().positive() }),
      },
    },
    async (request) => diffVersions(db, requirePartnership(request), request.params.n, request.params.m),
  );

  app.get(
    "/api/partnerships/:slug/plan",
    {
      config: { access: { public: true } },
      schema: { tags: ["plan"], summary: "The latest plan version", params: slugParamsSchema },
    },
    async (request) => getPlan(db, requirePartnership(request)),
  );
}
