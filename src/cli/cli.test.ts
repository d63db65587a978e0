import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, startServer } from "../test-support/cli.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "entente-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("entente CLI", () => {
  it("lists its commands with examples", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const cmd of ["serve", "db", "demo", "partnerships"]) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toContain("Examples:");
  });

  it("exits 2 on an unknown flag", async () => {
    const r = await runCli(["partnerships", "list", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--bogus");
    noStackTrace(r.stderr);
  });

  it("exits 2 with one line on an invalid DATABASE_URL", async () => {
    const r = await runCli(["partnerships", "list"], { env: { DATABASE_URL: "mysql://nope" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DATABASE_URL/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 when the PostgreSQL server is unreachable", async () => {
    const r = await runCli(["partnerships", "list"], {
      env: { DATABASE_URL: "postgres://nobody@127.0.0.1:1/entente" },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot connect to PostgreSQL/);
    noStackTrace(r.stderr);
  });

  it("exits 2 when the data directory cannot be created", async () => {
    const file = path.join(tmp, "a-file");
    fs.writeFileSync(file, "x");
    const r = await runCli(["partnerships", "list", "--data-dir", path.join(file, "data")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not writable/);
  });

  it("exits 2 when the data directory holds a corrupt database", async () => {
    const dir = path.join(tmp, "corrupt");
    fs.mkdirSync(path.join(dir, "pglite"), { recursive: true });
    fs.writeFileSync(path.join(dir, "pglite", "PG_VERSION"), "garbage\n");
    const r = await runCli(["partnerships", "list", "--data-dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/corrupt|Cannot open/);
    noStackTrace(r.stderr);
  });

  it("creates and lists partnerships, refusing bad input without storing it", async () => {
    const dir = path.join(tmp, "cli-db");
    const bad = await runCli(["partnerships", "add", "--parties", "VN,XX", "--data-dir", dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown country code XX/);
    const add = await runCli(["partnerships", "add", "--parties", "VN,IN", "--since", "2016-09", "--data-dir", dir]);
    expect(add.code).toBe(0);
    const list = await runCli(["partnerships", "list", "--json", "--data-dir", dir]);
    expect(JSON.parse(list.stdout).map((p: { slug: string }) => p.slug)).toEqual(["in-vn"]);
  });
});

describe("entente users", () => {
  it("adds a user from stdin, refuses a short reset password and resets with a good one", async () => {
    const dir = path.join(tmp, "users-db");
    const add = await runCli(["users", "add", "--email", "ana@example.org", "--admin", "--data-dir", dir], {
      input: "a long enough passphrase\n",
    });
    expect(add.code).toBe(0);
    const short = await runCli(["users", "reset", "--email", "ana@example.org", "--data-dir", dir], {
      input: "short\n",
    });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const reset = await runCli(["users", "reset", "--email", "ana@example.org", "--data-dir", dir], {
      input: "another long passphrase\n",
    });
    expect(reset.code).toBe(0);
  });
});

describe("entente serve", () => {
  const dir = path.join(tmp, "served");
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("loads the demo into an empty database and serves at least three partnerships", async () => {
    server = await startServer(["--data-dir", dir], { ENTENTE_DEMO: "1" });
    const body = await (await fetch(`${server.url}/api/partnerships`)).json();
    expect(body.partnerships.length).toBeGreaterThanOrEqual(3);
    const slugs = body.partnerships.map((p: { slug: string }) => p.slug);
    expect(slugs).toEqual(expect.arrayContaining(["gb-vn", "au-vn", "fr-vn"]));
  });

  it("refuses a second process on the same data directory", async () => {
    const r = await runCli(["serve", "--port", "0", "--data-dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/in use by another Entente process/);
  });

  it("exits 2 when the port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const r = await runCli(["serve", "--port", String(port), "--data-dir", path.join(tmp, "port")]);
    blocker.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Port \d+ is in use/);
  });
});
