import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SHARED = path.resolve(process.cwd(), "../shared");
const present = fs.existsSync(path.join(SHARED, "eval/score.mjs")) && fs.existsSync(path.join(SHARED, "seeds"));
const BIN = path.resolve(import.meta.dirname, "../../bin/entente.js");

describe("seed articles against the shared gold annotation", () => {
  it.skipIf(!present)("score.mjs passes with --min 0.9 --min-support 0.9 on the CLI's digest", () => {
    const seeds = fs
      .readdirSync(path.join(SHARED, "seeds"))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => path.join(SHARED, "seeds", f));
    const digest = execFileSync(process.execPath, [BIN, "extract", ...seeds, "--json"], { encoding: "utf8" });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "entente-seeds-")), "d.json");
    fs.writeFileSync(file, digest);
    const score = spawnSync(
      process.execPath,
      [
        path.join(SHARED, "eval/score.mjs"),
        "--gold",
        path.join(SHARED, "gold/seeds.gold.json"),
        "--digest",
        file,
        "--sources",
        path.join(SHARED, "seeds"),
        "--min",
        "0.9",
        "--min-support",
        "0.9",
      ],
      { encoding: "utf8" },
    );
    expect(score.status, `${score.stdout}\n${score.stderr}`).toBe(0);
  });

  it.runIf(!present)("is skipped: ../shared (seeds, gold and scorer) is not present next to the project", () => {
    expect(present).toBe(false);
  });
});
