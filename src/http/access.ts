import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor } from "../audit/actor.ts";
import { principalFromSession, principalFromToken } from "../auth/service.ts";
import { ANONYMOUS, hasRole, type Principal, type Role } from "../auth/roles.ts";
import type { Db } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import { digestSecret } from "../auth/secrets.ts";

/**
 * Every route declares who may call it in `config.access`; the hook below
 * enforces it in this one place, and start-up fails for a route without a
 * rule. Finer, party-level rules (sign-off by each side) live in services,
 * which receive `request.principal`.
 *
 * - `{ public: true }`: anyone, signed in or not.
 * - `{ signedIn: true }`: any signed-in user (their own account and tokens).
 * - `{ role }`: at least `role` on the partnership named by `:slug` (or, for
 *   routes without `:slug`, a global grant of that role).
 */
export type Access = { public: true } | { signedIn: true } | { role: Role };

/** One row per registered route, for the role × route matrix and audits of the rules. */
export interface RouteRule {
  method: string;
  url: string;
  access: Access;
}

export interface PartnershipRef {
  id: number;
  slug: string;
  partyA: string;
  partyB: string;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    routeRules: RouteRule[];
  }
  interface FastifyRequest {
    principal: Principal;
    /** How the principal was authenticated; cookie sessions need a CSRF token on writes. */
    authenticatedBy: "token" | "session" | null;
    /** Set when the route has a `:slug` param naming an existing partnership. */
    partnership: PartnershipRef | null;
  }
}

export const SESSION_COOKIE = "entente_session";

export function actorOf(request: FastifyRequest): Actor {
  const user = request.principal.user;
  return user ? { userId: user.id, label: user.email } : { userId: null, label: "anonymous" };
}

/** The partnership a `:slug` route works on; 404 when it does not exist. */
export function requirePartnership(request: FastifyRequest): PartnershipRef {
  if (!request.partnership) throw new AppError("not_found", "No such partnership");
  return request.partnership;
}

export function registerAccessControl(app: FastifyInstance, db: Db): void {
  // Fastify forbids shared object defaults on requests; keep them per request.
  const principals = new WeakMap<FastifyRequest, Principal>();
  app.decorateRequest("principal", {
    getter(this: FastifyRequest) {
      return principals.get(this) ?? ANONYMOUS;
    },
    setter(this: FastifyRequest, value: Principal) {
      principals.set(this, value);
    },
  });
  app.decorateRequest("partnership", null);
  app.decorateRequest("authenticatedBy", null);
  const rules: RouteRule[] = [];
  app.decorate("routeRules", rules);

  app.addHook("onRoute", (route) => {
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} has no config.access rule`);
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") rules.push({ method: String(method), url: route.url, access });
    }
  });

  // onRequest: callers learn they lack access before anything about their input.
  app.addHook("onRequest", async (request) => {
    const { principal, via } = await resolvePrincipal(db, request);
    request.principal = principal;
    request.authenticatedBy = via;
    const slug = slugParam(request.params);
    if (slug) {
      const row = await db
        .selectFrom("partnerships")
        .select(["id", "slug", "party_a", "party_b"])
        .where("slug", "=", slug)
        .executeTakeFirst();
      request.partnership = row ? { id: row.id, slug: row.slug, partyA: row.party_a, partyB: row.party_b } : null;
    }
    const access = request.routeOptions.config.access;
    if (!access || "public" in access) return;
    if (!request.principal.user) throw new AppError("unauthorized", "Sign in or send an API token");
    if (via === "session" && !SAFE_METHODS.has(request.method)) {
      const cookie = request.cookies?.[SESSION_COOKIE] ?? "";
      if (request.headers["x-csrf-token"] !== csrfTokenFor(cookie)) {
        throw new AppError(
          "forbidden",
          "Missing or invalid CSRF token: send the x-csrf-token header from GET /api/auth/csrf",
        );
      }
    }
    if ("signedIn" in access) return;
    if (slug && !request.partnership) throw new AppError("not_found", `No partnership "${slug}"`);
    if (!hasRole(request.principal, access.role, request.partnership?.id ?? null)) {
      throw new AppError("forbidden", `This needs the ${access.role} role${slug ? ` on ${slug}` : ""}`);
    }
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The CSRF token of a cookie session: derived from the session secret, which
 * only the browser holding the HttpOnly cookie (and the server) knows, so a
 * cross-site page cannot produce it. Stateless: nothing to store or expire.
 */
export const csrfTokenFor = (session: string): string => digestSecret(`csrf:${session}`);

function slugParam(params: unknown): string | undefined {
  if (params && typeof params === "object" && "slug" in params && typeof params.slug === "string") return params.slug;
  return undefined;
}

async function resolvePrincipal(
  db: Db,
  request: FastifyRequest,
): Promise<{ principal: Principal; via: "token" | "session" | null }> {
  const auth = request.headers.authorization;
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!match?.[1]) throw new AppError("unauthorized", "Authorization header must be 'Bearer <token>'");
    return { principal: await principalFromToken(db, match[1]), via: "token" };
  }
  const session = request.cookies?.[SESSION_COOKIE];
  if (!session) return { principal: ANONYMOUS, via: null };
  const principal = await principalFromSession(db, session);
  return { principal, via: principal.user ? "session" : null };
}
