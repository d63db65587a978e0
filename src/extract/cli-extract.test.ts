import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../test-support/cli.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "entente-extract-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/extract");
const good = path.join(FIXTURES, "vn-indonesia-2025.txt");
const file = (name: string, content: string | Buffer) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
};
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("entente extract", () => {
  it("prints the cited digest as JSON", async () => {
    const r = await runCli(["extract", good, "--json"]);
    expect(r.code).toBe(0);
    const digest = JSON.parse(r.stdout);
    expect(digest.schema).toBe("entente.digest/1");
    expect(digest.partnership.parties).toContain("Indonesia");
  });

  it("writes the digest to --out and a summary on stdout", async () => {
    const out = path.join(tmp, "digest.json");
    const r = await runCli(["extract", good, "--out", out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, "utf8")).sources).toHaveLength(1);
    expect(r.stdout).toContain("Comprehensive Strategic Partnership");
  });

  it.each([
    ["a missing file", () => path.join(tmp, "nope.txt"), /nope\.txt: no such file/],
    ["a directory", () => tmp, /is a directory/],
    ["an empty file", () => file("empty.txt", ""), /empty\.txt: is empty/],
    [
      "a binary file",
      () => file("image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])),
      /looks binary/,
    ],
    ["invalid UTF-8", () => file("latin1.txt", Buffer.from("Caf\xe9 au lait in Hanoi\n", "latin1")), /not valid UTF-8/],
    [
      "no partnership",
      () => file("recipe.txt", "Boil the noodles for three minutes. Add herbs and serve.\n"),
      /recipe\.txt: no partnership found/,
    ],
  ])("refuses %s with one clear line, exit 1 and nothing on stdout", async (_what, make, message) => {
    const r = await runCli(["extract", make(), "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    noStackTrace(r.stderr);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const big = path.join(tmp, "huge.txt");
    fs.closeSync(fs.openSync(big, "w"));
    fs.truncateSync(big, 200 * 1024 * 1024);
    const r = await runCli(["extract", big, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/huge\.txt: is 200 MB, over the 50 MB limit/);
    fs.rmSync(big);
  });

  it("with several files, stops on a bad one unless --skip-bad, which lists what it skipped", async () => {
    const empty = file("empty2.txt", "");
    const strict = await runCli(["extract", good, empty, "--json"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toMatch(/--skip-bad/);

    const lenient = await runCli(["extract", good, empty, "--json", "--skip-bad"]);
    expect(lenient.code).toBe(0);
    expect(JSON.parse(lenient.stdout).sources).toHaveLength(1);
    expect(lenient.stderr).toMatch(/skipped .*empty2\.txt: is empty/);
  });

  it("exits 2 without files", async () => {
    const r = await runCli(["extract"]);
    expect(r.code).toBe(2);
  });
});
