import { beforeAll, expect, it } from "vitest";
import { type Role, roleRank } from "../auth/roles.ts";
import { tableFingerprints } from "../backup/backup.ts";
import { loadDemo } from "../demo/load.ts";
import type { Access } from "../http/access.ts";
import type { App } from "../http/app.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { forEachBackend } from "../test-support/db.ts";

/**
 * Role × route matrix, generated from the routes the server actually
 * registers: every mutating route is called by every kind of caller, and
 * the outcome must match the route's declared `config.access`. A route
 * added without a rule cannot even be registered (start-up fails).
 */
type Caller = { name: string; role: Role | null; admin?: boolean; party?: string };
const CALLERS: Caller[] = [
  { name: "anonymous", role: null },
  { name: "viewer", role: "viewer" },
  { name: "editor A", role: "editor", party: "GB" },
  { name: "editor B", role: "editor", party: "VN" },
  { name: "reviewer A", role: "reviewer", party: "GB" },
  { name: "reviewer B", role: "reviewer", party: "VN" },
  { name: "admin", role: "admin", admin: true },
];
const PARAMS: Record<string, string> = { slug: "gb-vn", id: "1", n: "1", m: "1" };
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function allowed(access: Access, caller: Caller): boolean {
  if ("public" in access) return true;
  if (caller.role === null) return false;
  if ("signedIn" in access) return true;
  if (caller.admin) return true;
  // Partnership-scoped routes: grants below are on gb-vn; global routes need a global grant.
  return roleRank(caller.role) >= roleRank(access.role) && !["admin"].includes(access.role);
}

forEachBackend("role × route matrix", (t) => {
  let app: App;
  const headers = new Map<string, Record<string, string>>();
  beforeAll(async () => {
    await loadDemo(t.db());
    app = await createTestApp(t.db());
    for (const c of CALLERS) {
      if (c.role === null) headers.set(c.name, {});
      else {
        const u = await createTestUser(
          t.db(),
          c.admin ? { admin: true } : { role: c.role, partnership: "gb-vn", party: c.party },
        );
        headers.set(c.name, u.headers);
      }
    }
  });

  it("covers every mutating route and lets only the declared roles through, writing nothing when denied", async () => {
    const routes = app.routeRules.filter((r) => MUTATING.has(r.method));
    expect(routes.length).toBeGreaterThan(15);
    const before = await tableFingerprints(t.db());
    const wrong: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? "1");
      for (const caller of CALLERS) {
        if (allowed(route.access, caller)) continue;
        const res = await app.inject({
          method: route.method as "POST",
          url,
          headers: { ...headers.get(caller.name), "content-type": "application/json" },
          payload: "{}",
        });
        const expected = caller.role === null ? 401 : 403;
        if (res.statusCode !== expected) wrong.push(`${caller.name} ${route.method} ${route.url}: ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    const after = await tableFingerprints(t.db());
    delete after.api_tokens;
    delete before.api_tokens;
    expect(after).toEqual(before);
  });

  it("lets allowed callers past access control (any answer but 401/403)", async () => {
    const wrong: string[] = [];
    for (const route of app.routeRules.filter((r) => MUTATING.has(r.method))) {
      if (route.url === "/api/auth/logout") continue;
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? "1");
      for (const caller of CALLERS.filter((c) => c.role !== null && allowed(route.access, c))) {
        const res = await app.inject({
          method: route.method as "POST",
          url,
          headers: { ...headers.get(caller.name), "content-type": "application/json" },
          payload: '{"__invalid__": true',
        });
        if (res.statusCode === 401 || res.statusCode === 403) {
          wrong.push(`${caller.name} ${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
