import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import type { App } from "../http/app.ts";
import { createPartnership, requirePartnershipRef } from "../partnerships/service.ts";
import { readInputs } from "../sources/read-inputs.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { forEachBackend } from "../test-support/db.ts";
import {
  acceptAllPending,
  decideReviewItem,
  diffVersions,
  exportPlan,
  ingestSources,
  listReviewItems,
  publishPlan,
} from "./service.ts";

const SHARED = path.resolve(process.cwd(), "../shared");
const SEEDS = path.join(SHARED, "seeds");
const hasSeeds = fs.existsSync(SEEDS);
const LATER = path.resolve(import.meta.dirname, "../../test/fixtures/plans/later-progress.txt");

if (!hasSeeds) {
  it.skip(`end-to-end ingest → publish needs the seed articles at ${SEEDS} (absent)`, () => {});
} else {
  forEachBackend("ingest, review and publish the seed articles", (t) => {
    let app: App;
    beforeAll(async () => {
      await createPartnership(t.db(), SYSTEM_ACTOR, { parties: ["GB", "VN"], slug: "gb-vn" });
      app = await createTestApp(t.db());
    });
    const ref = () => requirePartnershipRef(t.db(), "gb-vn");

    it("stores the five seeds byte-exact, once, and queues a cited digest", async () => {
      const { inputs, problems } = await readInputs([SEEDS]);
      expect(problems).toEqual([]);
      const report = await ingestSources(t.db(), SYSTEM_ACTOR, await ref(), inputs);
      expect(report.stored).toHaveLength(5);
      expect(report.proposals).toBeGreaterThan(30);
      for (const s of report.stored) {
        const row = await t
          .db()
          .selectFrom("sources")
          .select("text")
          .where("id", "=", s.sourceId)
          .executeTakeFirstOrThrow();
        expect(row.text).toBe(fs.readFileSync(path.join(SEEDS, s.name), "utf8"));
      }
      const again = await ingestSources(t.db(), SYSTEM_ACTOR, await ref(), inputs);
      expect(again.stored).toEqual([]);
      expect(again.duplicates).toHaveLength(5);
      const items = await listReviewItems(t.db(), (await ref()).id, { status: "pending" });
      const categories = new Set(items.map((i) => i.category));
      for (const c of ["partnership", "pillar", "commitment", "instrument", "person", "history", "conflict"]) {
        expect(categories).toContain(c);
      }
    });

    it("refuses to publish while a conflict is unresolved, then publishes version 1", async () => {
      const p = await ref();
      await acceptAllPending(t.db(), SYSTEM_ACTOR, p);
      await expect(publishPlan(t.db(), SYSTEM_ACTOR, p)).rejects.toMatchObject({ code: "conflict" });
      for (const c of await listReviewItems(t.db(), p.id, { category: "conflict", status: "pending" })) {
        await decideReviewItem(t.db(), SYSTEM_ACTOR, p, c.id, {
          action: "resolve",
          version: c.version,
          value: "six pillars",
        });
      }
      const published = await publishPlan(t.db(), SYSTEM_ACTOR, p);
      expect(published.version).toBe(1);
      await expect(publishPlan(t.db(), SYSTEM_ACTOR, p)).rejects.toMatchObject({ code: "invalid" });
      const md = await exportPlan(t.db(), p, "md", 1);
      expect(md.body).toMatch(/^# .*Joint Action Plan, version 1/);
      expect(md.body).toContain("## Commitments");
      expect(md.body).toContain("**C1**");
      const commitments = await t
        .db()
        .selectFrom("commitments")
        .select("code")
        .where("partnership_id", "=", p.id)
        .execute();
      expect(commitments.length).toBeGreaterThan(20);
      const plan = (await app.inject("/api/partnerships/gb-vn/plan/versions/1")).json();
      expect(plan.version).toBe(1);
      expect(plan.pillars.length).toBeGreaterThanOrEqual(6);
    });

    it("turns a later article's progress statements into exactly two proposed updates citing them", async () => {
      const p = await ref();
      const text = fs.readFileSync(LATER, "utf8");
      const report = await ingestSources(t.db(), SYSTEM_ACTOR, p, [
        { name: "later-progress.txt", text, format: "txt" },
      ]);
      expect(report.proposedUpdates).toBe(2);
      const updates = await listReviewItems(t.db(), p.id, { category: "update" });
      expect(updates).toHaveLength(2);
      const quotes = updates.flatMap((u) => {
        const citations: unknown = Reflect.get(Object(u.payload), "citations");
        return Array.isArray(citations) ? citations : [];
      });
      const energy = text.indexOf("The Viet Nam-UK clean energy partnership");
      const trafficking = text.indexOf("In London, a new joint task force");
      expect(quotes.map((c) => c.start).sort((a, b) => a - b)).toEqual([energy, trafficking]);
      for (const c of quotes) expect(text.slice(c.start, c.end)).toBe(c.quote);
      // The published plan is untouched until the updates are reviewed.
      const plan = (await app.inject("/api/partnerships/gb-vn/plan")).json();
      expect(plan.version).toBe(1);

      await acceptAllPending(t.db(), SYSTEM_ACTOR, p);
      const v2 = await publishPlan(t.db(), SYSTEM_ACTOR, p);
      expect(v2).toMatchObject({ version: 2, updates: 2 });
      const pending = await t.db().selectFrom("updates").selectAll().where("partnership_id", "=", p.id).execute();
      expect(pending).toHaveLength(2);
      expect(pending.every((u) => u.state === "pending")).toBe(true);
      const diff = await diffVersions(t.db(), p, 1, 2);
      expect(diff.removed).toEqual([]);
    });
  });
}

forEachBackend("review decisions over HTTP", (t) => {
  let app: App;
  let editor: Awaited<ReturnType<typeof createTestUser>>;
  beforeAll(async () => {
    await createPartnership(t.db(), SYSTEM_ACTOR, { parties: ["AU", "VN"], slug: "au-vn" });
    app = await createTestApp(t.db());
    editor = await createTestUser(t.db(), { role: "editor", partnership: "au-vn" });
  });
  const article = [
    "CANBERRA, 7 March 2024 - Australia and Viet Nam upgraded their relations to a Comprehensive Strategic Partnership.",
    "Prime Minister Anthony Albanese and Prime Minister Pham Minh Chinh agreed to double two-way investment and to open a new consulate.",
    "The two countries will expand cooperation on critical minerals under a memorandum of understanding signed by their ministers.",
  ].join("\n\n");

  it("ingests over HTTP, lists the queue and applies decisions with optimistic concurrency", async () => {
    const url = "/api/partnerships/au-vn/sources";
    const payload = { sources: [{ name: "upgrade.txt", text: article }] };
    expect((await app.inject({ method: "POST", url, payload })).statusCode).toBe(401);
    const res = await app.inject({ method: "POST", url, payload, headers: editor.headers });
    expect(res.statusCode).toBe(201);
    const [stored] = res.json().stored;
    const source = (
      await app.inject({ url: `/api/partnerships/au-vn/sources/${stored.sourceId}`, headers: editor.headers })
    ).json();
    expect(source.text).toBe(article);
    const queue = (
      await app.inject({ url: "/api/partnerships/au-vn/review?status=pending", headers: editor.headers })
    ).json().items;
    expect(queue.length).toBeGreaterThan(2);
    const first = queue.find((i: { category: string }) => i.category !== "conflict");
    for (const c of first.payload.citations) {
      expect(article.slice(c.start, c.end)).toBe(c.quote);
      expect(c.sourceTitle).toBeTruthy();
    }
    const decide = (id: number, body: object) =>
      app.inject({
        method: "POST",
        url: `/api/partnerships/au-vn/review/${id}`,
        payload: body,
        headers: editor.headers,
      });
    const ok = await decide(first.id, { action: "reject", version: first.version });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe("rejected");
    const stale = await decide(first.id, { action: "accept", version: first.version });
    expect(stale.statusCode).toBe(409);
    const bad = await decide(first.id, { action: "explode", version: 2 });
    expect(bad.statusCode).toBe(400);
    const audit = await t
      .db()
      .selectFrom("audit_events")
      .select("action")
      .where("entity_type", "=", "review_item")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["reject"]);
  });

  it("refuses to publish with nothing accepted", async () => {
    const reviewer = await createTestUser(t.db(), { role: "reviewer", partnership: "au-vn" });
    const p = await requirePartnershipRef(t.db(), "au-vn");
    for (const c of await listReviewItems(t.db(), p.id, { category: "conflict", status: "pending" })) {
      await decideReviewItem(t.db(), SYSTEM_ACTOR, p, c.id, { action: "reject", version: c.version });
    }
    const res = await app.inject({
      method: "POST",
      url: "/api/partnerships/au-vn/plan/versions",
      payload: {},
      headers: reviewer.headers,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/Nothing to publish/);
  });
});
