import { beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import { createApiToken } from "../auth/service.ts";
import type { Db } from "../core/db/create-db.ts";
import type { App } from "../http/app.ts";
import { requirePartnershipRef } from "../partnerships/service.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { forEachBackend } from "../test-support/db.ts";
import { seedTrackingPartnership } from "./test-fixtures.ts";

const EDITORS = 50;
/** Editors in the retry round: every retry costs a write, so the work grows with the square. */
const RETRYING_EDITORS = 12;

/**
 * Many editors with their own API tokens. Hashing 50 passwords with argon2
 * would dominate the suite, so the others reuse the first one's hash.
 */
async function createEditors(db: Db, n: number) {
  const first = await createTestUser(db, { role: "editor", partnership: "gb-vn" });
  const template = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", first.id)
    .executeTakeFirstOrThrow();
  const partnership = await requirePartnershipRef(db, "gb-vn");
  const rest = [];
  for (let i = 1; i < n; i++) {
    const email = `editor-${i}@example.org`;
    const user = await db
      .insertInto("users")
      .values({ email, name: email, password_hash: template.password_hash })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("roles").values({ user_id: user.id, role: "editor", partnership_id: partnership.id }).execute();
    const { token } = await createApiToken(db, SYSTEM_ACTOR, user.id, "test");
    rest.push({ id: user.id, email, headers: { authorization: `Bearer ${token}` } });
  }
  return [first, ...rest];
}

forEachBackend("50 concurrent editors of one action", (t) => {
  let app: App;
  let editors: { id: number; email: string; headers: { authorization: string } }[];
  let url: string;
  const base = "/api/partnerships/gb-vn";

  beforeAll(async () => {
    app = await createTestApp(t.db());
    await seedTrackingPartnership(t.db());
    editors = await createEditors(t.db(), EDITORS);
    const created = await app.inject({
      method: "POST",
      url: `${base}/commitments/C1/actions`,
      headers: editors[0]?.headers,
      payload: { title: "Shared action" },
    });
    url = `${base}/actions/${created.json().id}`;
  });

  const auditedUpdates = async () =>
    t
      .db()
      .selectFrom("audit_events")
      .select(["id", "before", "after"])
      .where("entity_type", "=", "action")
      .where("action", "=", "update")
      .orderBy("id")
      .execute();

  /** Each editor reads the action, then writes the version it read. */
  const readThenWrite = async (i: number, round: string) => {
    const editor = editors[i];
    if (!editor) throw new Error("missing editor");
    const read = (await app.inject(url)).json();
    const res = await app.inject({
      method: "PATCH",
      url,
      headers: editor.headers,
      payload: { version: read.version, description: `${round} by editor ${i}` },
    });
    return { i, sent: read.version, status: res.statusCode, body: res.json() };
  };

  it("accepts each write only on the current version, answers the rest 409, and loses nothing", async () => {
    const results = await Promise.all(Array.from({ length: EDITORS }, (_, i) => readThenWrite(i, "round 1")));
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    // Every acknowledged write got its own next version: no two succeeded on the same one.
    expect(new Set(ok.map((r) => r.body.version)).size).toBe(ok.length);
    for (const r of ok) expect(r.body.version).toBe(r.sent + 1);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.error.code).toBe("conflict");
      expect(r.body.error.details.current.version).toBeGreaterThan(r.sent);
    }
    const final = (await app.inject(url)).json();
    expect(final.version).toBe(1 + ok.length);
    const latest = ok.reduce((a, b) => (a.body.version > b.body.version ? a : b));
    expect(final.description).toBe(latest.body.description);

    const audit = await auditedUpdates();
    expect(audit).toHaveLength(ok.length);
    // The log replays the acknowledged writes in version order, each starting from the one before.
    const byVersion = [...ok].sort((a, b) => a.body.version - b.body.version);
    audit.forEach((e, k) => {
      expect(e.after).toMatchObject({
        version: byVersion[k]?.body.version,
        description: byVersion[k]?.body.description,
      });
      expect(e.before).toMatchObject({ version: (byVersion[k]?.body.version ?? 0) - 1 });
    });
  });

  it("lands every editor's write when each retries from the 409's current version", async () => {
    const before = (await app.inject(url)).json().version;
    const auditBefore = (await auditedUpdates()).length;
    const results = await Promise.all(
      Array.from({ length: RETRYING_EDITORS }, async (_, i) => {
        const editor = editors[i];
        if (!editor) throw new Error("missing editor");
        let version = (await app.inject(url)).json().version;
        for (let attempt = 0; attempt < RETRYING_EDITORS * 2; attempt++) {
          const res = await app.inject({
            method: "PATCH",
            url,
            headers: editor.headers,
            payload: { version, supportingAgencies: [`Agency ${i}`] },
          });
          if (res.statusCode === 200) return res.json().version;
          expect(res.statusCode).toBe(409);
          version = res.json().error.details.current.version;
        }
        throw new Error(`editor ${i} never got through`);
      }),
    );
    expect([...results].sort((a, b) => a - b)).toEqual(
      Array.from({ length: RETRYING_EDITORS }, (_, k) => before + k + 1),
    );
    expect((await app.inject(url)).json().version).toBe(before + RETRYING_EDITORS);
    expect((await auditedUpdates()).length - auditBefore).toBe(RETRYING_EDITORS);
  });
});
