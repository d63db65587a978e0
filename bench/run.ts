/**
 * Benchmark dispatcher: `npm run bench -- [name...] [--quick]` runs
 * bench/<name>.ts for each name given, or every benchmark when none is.
 * Goals are printed, never asserted.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = import.meta.dirname;
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("--"));
const names = args.filter((a) => !a.startsWith("--"));
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.slice(0, -3))
  .sort();
const chosen = names.length > 0 ? names : available;
let failed = false;
for (const name of chosen) {
  if (!available.includes(name)) {
    process.stderr.write(`bench: no benchmark "${name}" (have: ${available.join(", ")})\n`);
    process.exitCode = 2;
    continue;
  }
  process.stdout.write(`\n== bench ${name} ==\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, `${name}.ts`), ...flags], {
    stdio: "inherit",
  });
  if (r.status !== 0) failed = true;
}
if (failed) process.exitCode = 1;
