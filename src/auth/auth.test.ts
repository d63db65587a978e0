import { beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import type { App } from "../http/app.ts";
import { createPartnership } from "../partnerships/service.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { forEachBackend } from "../test-support/db.ts";
import { createUser, LOCKOUT } from "./service.ts";

const PASSWORD = "correct horse battery staple";

forEachBackend("accounts and sessions", (t) => {
  let app: App;
  beforeAll(async () => {
    await createPartnership(t.db(), SYSTEM_ACTOR, { parties: ["KR", "VN"], slug: "kr-vn" });
    app = await createTestApp(t.db());
  });
  const login = (email: string, password = PASSWORD) =>
    app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

  it("signs in with an HttpOnly SameSite cookie and needs the CSRF token for cookie writes", async () => {
    const admin = await createTestUser(t.db(), { admin: true });
    const res = await login(admin.email);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "entente_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const { csrfToken, user } = res.json();
    expect(user.email).toBe(admin.email);
    const cookies = { entente_session: cookie?.value ?? "" };
    expect((await app.inject({ url: "/api/auth/me", cookies })).json().user.email).toBe(admin.email);
    const payload = { parties: ["SG", "VN"], slug: "sg-vn" };
    const noToken = await app.inject({ method: "POST", url: "/api/partnerships", payload, cookies });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.message).toMatch(/CSRF/);
    const withToken = await app.inject({
      method: "POST",
      url: "/api/partnerships",
      payload,
      cookies,
      headers: { "x-csrf-token": csrfToken },
    });
    expect(withToken.statusCode).toBe(201);
    const out = await app.inject({ method: "POST", url: "/api/auth/logout", cookies });
    expect(out.statusCode).toBe(200);
    expect((await app.inject({ url: "/api/auth/me", cookies })).json().user).toBeNull();
  });

  it(`locks an account after ${LOCKOUT.attempts} wrong passwords, even for the right one`, async () => {
    const user = await createUser(t.db(), SYSTEM_ACTOR, { email: "locked@example.org", name: "L", password: PASSWORD });
    for (let i = 0; i < LOCKOUT.attempts; i++)
      expect((await login(user.email, "wrong password!!")).statusCode).toBe(401);
    const locked = await login(user.email);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("rate_limited");
  });

  it("rate limits sign-in attempts", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await login("nobody@example.org", "whatever it is")).statusCode);
    expect(codes).toContain(429);
  });

  it("issues API tokens once, stores them hashed and revokes them", async () => {
    const viewer = await createTestUser(t.db(), { role: "viewer", partnership: "kr-vn" });
    const created = await app.inject({
      method: "POST",
      url: "/api/auth/tokens",
      payload: { name: "script" },
      headers: viewer.headers,
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const stored = await t
      .db()
      .selectFrom("api_tokens")
      .select("token_hash")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: "/api/auth/me", headers: auth })).json().user.email).toBe(viewer.email);
    expect(
      (await app.inject({ method: "DELETE", url: `/api/auth/tokens/${id}`, headers: viewer.headers })).statusCode,
    ).toBe(200);
    expect((await app.inject({ url: "/api/auth/me", headers: auth })).statusCode).toBe(401);
  });

  it("sends a strict Content-Security-Policy", async () => {
    const res = await app.inject("/api/partnerships");
    expect(res.headers["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(res.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});
