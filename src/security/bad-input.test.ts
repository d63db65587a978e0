import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableFingerprints } from "../backup/backup.ts";
import type { Db } from "../core/db/create-db.ts";
import { loadDemo } from "../demo/load.ts";
import type { App } from "../http/app.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { runCli } from "../test-support/cli.ts";
import { testBackends, type TestDatabase } from "../test-support/db.ts";

/**
 * The bad-input corpus: malformed requests against every mutating route in
 * the OpenAPI document (so new routes are covered), hostile strings in path
 * parameters, and a few CLI commands. Each must be refused with a 4xx and a
 * stable error code (or a one-line CLI error), show no stack trace, and
 * leave the database content unchanged.
 */

const NASTY = [
  "<script>alert(1)</script>",
  "'; drop table partnerships; --",
  "../../../../etc/passwd",
  '=HYPERLINK("http://evil.example")',
  "\u0000\u0001\u001b[31m",
  "\ud800",
  "x".repeat(100_000),
  "ab".repeat(50_000),
  "Tô Lâm 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
];

interface Operation {
  method: string;
  url: string;
  properties: Record<string, { type?: string | string[] }>;
  contentTypes: string[];
}

const PARAMS: Record<string, string> = { slug: "gb-vn", id: "1", n: "1", m: "1" };
const STACK = /\n\s+at .+\(?.+:\d+:\d+\)?|node_modules|\.ts:\d+/;

/** Tables whose content changes on every authenticated request (token last-use time). */
const BOOKKEEPING = new Set(["api_tokens"]);
async function contentHash(db: Db) {
  const all = await tableFingerprints(db);
  return Object.fromEntries(Object.entries(all).filter(([name]) => !BOOKKEEPING.has(name)));
}

function operations(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [route, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!["post", "patch", "put", "delete"].includes(method)) continue;
      const url = route.replace(/\{(\w+)\}/g, (_m, name: string) => PARAMS[name] ?? "1");
      const content: unknown = Reflect.get(Object(Reflect.get(Object(op), "requestBody")), "content");
      const contentTypes = content && typeof content === "object" ? Object.keys(content) : [];
      const schema: unknown = Reflect.get(Object(Reflect.get(Object(content), "application/json")), "schema");
      const props: unknown = Reflect.get(Object(schema), "properties");
      ops.push({
        method: method.toUpperCase(),
        url,
        properties: props && typeof props === "object" ? Object(props) : {},
        contentTypes,
      });
    }
  }
  return ops;
}

interface Case {
  name: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

/** Malformed variants of one operation's request. */
function casesFor(op: Operation): Case[] {
  const json = { "content-type": "application/json" };
  const base = { method: op.method, url: op.url };
  const cases: Case[] = [
    { ...base, name: "invalid JSON", headers: json, payload: "{not json" },
    { ...base, name: "truncated JSON", headers: json, payload: '{"version": 1,' },
    { ...base, name: "JSON array", headers: json, payload: "[1,2,3]" },
    { ...base, name: "invalid UTF-8", headers: json, payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { ...base, name: "oversized body", headers: json, payload: JSON.stringify({ text: "y".repeat(21 * 1024 * 1024) }) },
    {
      ...base,
      name: "repeated input (zip-bomb-like)",
      headers: json,
      payload: `[${Array.from({ length: 200_000 }, () => "[[[[]]]]").join(",")}]`,
    },
    { ...base, name: "XML instead of JSON", headers: { "content-type": "application/xml" }, payload: "<a>1</a>" },
  ];
  // A null body is "no body": wrong only where the route expects an object with fields.
  if (Object.keys(op.properties).length > 0) cases.push({ ...base, name: "JSON null", headers: json, payload: "null" });
  for (const s of NASTY.slice(0, 4)) {
    cases.push({
      ...base,
      name: `bare string ${JSON.stringify(s.slice(0, 20))}`,
      headers: json,
      payload: JSON.stringify(s),
    });
  }
  for (const [prop, schema] of Object.entries(op.properties)) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const wrong = types.includes("string")
      ? 12345
      : types.includes("number") || types.includes("integer")
        ? "NaN<script>"
        : types.includes("array")
          ? "not-an-array"
          : types.includes("object")
            ? ["x"]
            : true;
    cases.push({ ...base, name: `wrong type for ${prop}`, headers: json, payload: JSON.stringify({ [prop]: wrong }) });
  }
  return cases;
}

for (const backend of testBackends()) {
  describe(`bad-input corpus [${backend.name}]`, () => {
    let database: TestDatabase;
    let app: App;
    let admin: Awaited<ReturnType<typeof createTestUser>>;
    let before: Awaited<ReturnType<typeof contentHash>>;
    let corpus: Case[] = [];
    beforeAll(async () => {
      database = await backend.create();
      await loadDemo(database.db);
      app = await createTestApp(database.db);
      admin = await createTestUser(database.db, { admin: true });
      const doc = (await app.inject("/api/openapi.json")).json();
      corpus = operations(doc).flatMap(casesFor);
      for (const s of NASTY.filter((x) => !x.includes("\ud800"))) {
        corpus.push({ name: "hostile slug", method: "GET", url: `/api/partnerships/${encodeURIComponent(s)}` });
        corpus.push({
          name: "hostile id",
          method: "GET",
          url: `/api/partnerships/gb-vn/targets/${encodeURIComponent(s)}`,
        });
      }
      corpus.push(
        {
          name: "CSV formula injection",
          method: "POST",
          url: "/api/partnerships/gb-vn/indicators/1/observations",
          headers: { "content-type": "text/csv" },
          payload: "indicator,period,value,unit,source_name\ntrade-vn-stats,2030,1,USD billion,=cmd|' /C calc'!A0",
        },
        {
          name: "CSV with a bad header",
          method: "POST",
          url: "/api/partnerships/gb-vn/indicators/1/observations",
          headers: { "content-type": "text/csv" },
          payload: "<script>,period\n1,2",
        },
      );
      before = await contentHash(database.db);
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("has at least 200 cases", () => {
      expect(corpus.length).toBeGreaterThanOrEqual(200);
    });

    it("refuses every case with a stable 4xx error, no stack trace and no change to the data", async () => {
      const failures: string[] = [];
      for (const c of corpus) {
        const res = await app.inject({
          method: c.method as "GET",
          url: c.url,
          headers: { ...admin.headers, ...c.headers },
          payload: c.payload,
        });
        const body = res.body;
        let code: unknown;
        try {
          code = Reflect.get(Object(Reflect.get(Object(JSON.parse(body)), "error")), "code");
        } catch {
          code = undefined;
        }
        if (res.statusCode < 400 || res.statusCode >= 500 || typeof code !== "string" || STACK.test(body)) {
          failures.push(`${c.method} ${c.url.slice(0, 80)} (${c.name}): ${res.statusCode} ${body.slice(0, 160)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(await contentHash(database.db)).toEqual(before);
    });
  });
}

describe("bad-input corpus [CLI]", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-bad-cli-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  const dataDir = path.join(dir, "data");

  it.each([
    ["a hostile party code", ["partnerships", "add", "--parties", "<script>,VN"]],
    ["an unknown partnership", ["indicators", "list", "--partnership", "'; drop table x; --"]],
    [
      "a CSV formula",
      ["indicators", "import", file("f.csv", "indicator,period,value,unit\n=1+1,2020,1,USD"), "--partnership", "xx"],
    ],
    ["a non-JSON backup", ["restore", file("b.json", Buffer.from([0xff, 0xfe, 0x00]))]],
    ["a path that traverses to nothing", ["ingest", "../../../../nonexistent/secret.txt", "--partnership", "gb-vn"]],
  ])("rejects %s with one clear line and a non-zero exit", async (_name, args) => {
    const r = await runCli([...args, "--data-dir", dataDir]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^entente: |error:/m);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe("");
  });
});
