import { z } from "zod";
import { registerAuthRoutes } from "./auth/routes.ts";
import { type App, type AppContext, createApp } from "./http/app.ts";
import { registerIndicatorRoutes } from "./indicators/routes.ts";
import { registerPartnershipRoutes } from "./partnerships/routes.ts";
import { registerPlanRoutes } from "./plans/routes.ts";
import { registerTrackingRoutes } from "./tracking/routes.ts";

/**
 * Composes the HTTP API: one `register…Routes` per feature folder.
 *
 * @example
 *   const app = await buildServer({ db, config });
 *   await app.listen({ port: config.port, host: config.host });
 */
export async function buildServer(ctx: AppContext, options: { logger?: boolean } = {}): Promise<App> {
  const app = await createApp(ctx, options);

  app.get(
    "/healthz",
    {
      config: { access: { public: true } },
      schema: { hide: true, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async () => ({ ok: true as const }),
  );
  app.get("/api/openapi.json", { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await registerAuthRoutes(app);
  registerPartnershipRoutes(app);
  registerIndicatorRoutes(app);
  registerPlanRoutes(app);
  registerTrackingRoutes(app);

  await app.ready();
  return app;
}
