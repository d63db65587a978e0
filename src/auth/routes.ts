import rateLimit from "@fastify/rate-limit";
import { z } from "zod";
import { AppError } from "../core/errors.ts";
import { actorOf, csrfTokenFor, SESSION_COOKIE } from "../http/access.ts";
import type { App } from "../http/app.ts";
import { hasRole, roleSchema } from "./roles.ts";
import {
  createApiToken,
  createUser,
  grantRole,
  listApiTokens,
  login,
  logout,
  newUserSchema,
  principalFromSession,
  revokeApiToken,
  SESSION_TTL_MS,
} from "./service.ts";

const meSchema = z.object({
  user: z.object({ id: z.number(), email: z.string(), name: z.string(), isAdmin: z.boolean() }).nullable(),
  grants: z.array(z.object({ role: roleSchema, partnershipId: z.number().nullable(), party: z.string().nullable() })),
});

/** Sign-in, sessions, CSRF tokens, API tokens and user administration. */
export async function registerAuthRoutes(app: App): Promise<void> {
  const { db, config } = app.ctx;
  // Only routes that opt in (sign-in) are rate limited.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError("rate_limited", `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s`),
  });

  app.post(
    "/api/auth/login",
    {
      config: { access: { public: true }, rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Sign in: sets an HttpOnly session cookie and returns the CSRF token for writes",
        body: z.object({ email: z.string().max(254), password: z.string().max(1024) }),
        response: { 200: meSchema.extend({ csrfToken: z.string() }) },
      },
    },
    async (request, reply) => {
      const { session } = await login(db, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, session, {
        httpOnly: true,
        sameSite: "lax",
        secure: config.secureCookies,
        path: "/",
        maxAge: SESSION_TTL_MS / 1000,
      });
      const principal = await principalFromSession(db, session);
      return { user: principal.user, grants: principal.grants, csrfToken: csrfTokenFor(session) };
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: { public: true } },
      schema: { tags: ["auth"], summary: "End the session", body: z.object({}).strict().nullish() },
    },
    async (request, reply) => {
      const session = request.cookies[SESSION_COOKIE];
      if (session) await logout(db, session);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true };
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { access: { public: true } },
      schema: { tags: ["auth"], summary: "Who is signed in", response: { 200: meSchema } },
    },
    async (request) => ({ user: request.principal.user, grants: request.principal.grants }),
  );

  app.get(
    "/api/auth/csrf",
    {
      config: { access: { public: true } },
      schema: { tags: ["auth"], summary: "The CSRF token to send as x-csrf-token with cookie-authenticated writes" },
    },
    async (request) => {
      const session = request.cookies[SESSION_COOKIE];
      if (!session || !request.principal.user) throw new AppError("unauthorized", "Sign in first");
      return { token: csrfTokenFor(session) };
    },
  );

  app.get(
    "/api/auth/tokens",
    { config: { access: { signedIn: true } }, schema: { tags: ["auth"], summary: "Your API tokens" } },
    async (request) => ({ tokens: await listApiTokens(db, request.principal.user?.id ?? 0) }),
  );

  app.post(
    "/api/auth/tokens",
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ["auth"],
        summary: "Create an API token for yourself (the secret is shown once)",
        body: z.object({ name: z.string().trim().min(1).max(100) }),
      },
    },
    async (request, reply) => {
      const user = request.principal.user;
      if (!user) throw new AppError("unauthorized", "Sign in first");
      return reply.status(201).send(await createApiToken(db, actorOf(request), user.id, request.body.name));
    },
  );

  app.delete(
    "/api/auth/tokens/:id",
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ["auth"],
        summary: "Revoke an API token",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.null().optional(),
      },
    },
    async (request) => {
      await revokeApiToken(db, actorOf(request), request.params.id, hasRole(request.principal, "admin", null));
      return { ok: true };
    },
  );

  app.get(
    "/api/admin/users",
    { config: { access: { role: "admin" } }, schema: { tags: ["admin"], summary: "All users" } },
    async () => ({
      users: await db
        .selectFrom("users")
        .select(["id", "email", "name", "is_admin", "disabled", "locked_until", "created_at"])
        .orderBy("id")
        .execute(),
    }),
  );

  app.post(
    "/api/admin/users",
    {
      config: { access: { role: "admin" } },
      schema: { tags: ["admin"], summary: "Create a user with role grants", body: newUserSchema },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, actorOf(request), request.body)),
  );

  app.post(
    "/api/admin/users/:id/roles",
    {
      config: { access: { role: "admin" } },
      schema: {
        tags: ["admin"],
        summary: "Grant a role on a partnership (or all) for a party (or either)",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({
          role: roleSchema,
          partnershipId: z.number().int().positive().nullable(),
          party: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .nullable(),
        }),
      },
    },
    async (request, reply) => {
      await grantRole(db, actorOf(request), request.params.id, request.body);
      return reply.status(201).send({ ok: true });
    },
  );
}
