import crypto from "node:crypto";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import type { Role } from "../auth/roles.ts";
import { createApiToken, createUser } from "../auth/service.ts";
import { loadConfig } from "../core/config.ts";
import type { Db } from "../core/db/create-db.ts";
import type { App } from "../http/app.ts";
import { requirePartnershipRef } from "../partnerships/service.ts";
import { buildServer } from "../server.ts";

/** The real server on a test database, driven with `app.inject`. */
export function createTestApp(db: Db): Promise<App> {
  const config = loadConfig({ dataDir: "memory://", logLevel: "silent" }, {});
  return buildServer({ db, config });
}

export interface TestUserSpec {
  admin?: boolean;
  role?: Role;
  /** Partnership slug the role applies to; omitted: every partnership. */
  partnership?: string;
  /** Party the user acts for (ISO code). */
  party?: string;
}

/**
 * Creates a user with the given grant and returns headers that authenticate
 * as them with an API token.
 *
 * @example
 *   const editor = await createTestUser(db, { role: "editor", partnership: "gb-vn", party: "GB" });
 *   await app.inject({ method: "POST", url, headers: editor.headers, payload });
 */
export async function createTestUser(db: Db, spec: TestUserSpec = {}) {
  const partnershipId = spec.partnership ? (await requirePartnershipRef(db, spec.partnership)).id : null;
  const email = `user-${crypto.randomBytes(4).toString("hex")}@example.org`;
  const user = await createUser(db, SYSTEM_ACTOR, {
    email,
    name: email,
    password: "correct horse battery staple",
    isAdmin: spec.admin === true,
    grants: spec.role ? [{ role: spec.role, partnershipId, party: spec.party ?? null }] : [],
  });
  const { token } = await createApiToken(db, SYSTEM_ACTOR, user.id, "test");
  return { ...user, token, headers: { authorization: `Bearer ${token}` } };
}
