import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import type { App } from "../http/app.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { forEachBackend } from "../test-support/db.ts";
import { createPartnership, getPartnership, listPartnerships } from "./service.ts";

forEachBackend("partnership repository", (t) => {
  it("lists nothing on an empty database", async () => {
    expect(await listPartnerships(t.db())).toEqual([]);
  });

  it("creates a partnership with its level history and audits it", async () => {
    const created = await createPartnership(t.db(), SYSTEM_ACTOR, {
      parties: ["vn", "jp"],
      level: "Comprehensive Strategic Partnership",
      since: "2023-11-27",
      history: [{ level: "Strategic Partnership", since: "2009" }],
    });
    expect(created.slug).toBe("jp-vn");
    expect(created.parties.map((p) => p.code)).toEqual(["VN", "JP"]);
    expect(created.previousLevel).toBe("Strategic Partnership");
    expect(created.levels.map((l) => l.level)).toEqual([
      "Strategic Partnership",
      "Comprehensive Strategic Partnership",
    ]);
    const again = await getPartnership(t.db(), "jp-vn");
    expect(again).toEqual(created);
    const audit = await t
      .db()
      .selectFrom("audit_events")
      .selectAll()
      .where("entity_type", "=", "partnership")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses a second partnership with the same slug and stores nothing", async () => {
    await expect(createPartnership(t.db(), SYSTEM_ACTOR, { parties: ["VN", "JP"] })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await listPartnerships(t.db())).toHaveLength(1);
  });

  it("rejects an unknown country code", async () => {
    await expect(createPartnership(t.db(), SYSTEM_ACTOR, { parties: ["VN", "QQ"] })).rejects.toMatchObject({
      code: "invalid",
    });
  });

  it("keeps the audit log append-only in the database", async () => {
    await expect(t.db().deleteFrom("audit_events").execute()).rejects.toThrow(/append-only/);
    await expect(t.db().updateTable("audit_events").set({ actor: "x" }).execute()).rejects.toThrow(/append-only/);
  });
});

forEachBackend("partnership API", (t) => {
  let app: App;
  beforeAll(async () => {
    app = await createTestApp(t.db());
  });

  it("serves health, the list and the OpenAPI document", async () => {
    expect((await app.inject("/healthz")).json()).toEqual({ ok: true });
    expect((await app.inject("/api/partnerships")).json()).toEqual({ partnerships: [] });
    const doc = (await app.inject("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/partnerships/{slug}");
  });

  it("answers unknown routes and bad params with JSON errors", async () => {
    const missing = await app.inject("/api/nowhere");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");
    const bad = await app.inject("/api/partnerships/Not_A_Slug");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("bad_request");
    const unknown = await app.inject("/api/partnerships/xx-yy");
    expect(unknown.statusCode).toBe(404);
  });

  describe("creating", () => {
    it("needs a signed-in global admin", async () => {
      const payload = { parties: ["AU", "VN"], level: "Comprehensive Strategic Partnership", since: "2024-03-07" };
      const anonymous = await app.inject({ method: "POST", url: "/api/partnerships", payload });
      expect(anonymous.statusCode).toBe(401);
      const editor = await createTestUser(t.db(), { role: "editor" });
      const denied = await app.inject({ method: "POST", url: "/api/partnerships", payload, headers: editor.headers });
      expect(denied.statusCode).toBe(403);
      const admin = await createTestUser(t.db(), { admin: true });
      const created = await app.inject({ method: "POST", url: "/api/partnerships", payload, headers: admin.headers });
      expect(created.statusCode).toBe(201);
      const detail = (await app.inject("/api/partnerships/au-vn")).json();
      expect(detail.counts.commitments).toBe(0);
      expect(detail.level).toBe("Comprehensive Strategic Partnership");
    });

    it("rejects malformed JSON without a stack trace", async () => {
      const admin = await createTestUser(t.db(), { admin: true });
      const res = await app.inject({
        method: "POST",
        url: "/api/partnerships",
        headers: { ...admin.headers, "content-type": "application/json" },
        payload: "{not json",
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    });
  });
});
