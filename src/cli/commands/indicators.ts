import fs from "node:fs";
import type { Command } from "commander";
import { cliActor } from "../../audit/actor.ts";
import { AppError } from "../../core/errors.ts";
import { MAX_CSV_BYTES } from "../../indicators/observations-csv.ts";
import { importObservations, listIndicators, listTargets } from "../../indicators/service.ts";
import { requirePartnershipRef } from "../../partnerships/service.ts";
import { addDbOptions, type DbOptions, printJson, withDb } from "../context.ts";

type Opts = DbOptions & { partnership: string; json?: boolean };

/** Reads a CSV file, refusing missing, oversized or non-UTF-8 files before parsing. */
export function readCsvFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError("not_found", `${file}: no such file`);
  }
  if (!stat.isFile()) throw new AppError("invalid", `${file}: not a regular file`);
  if (stat.size > MAX_CSV_BYTES)
    throw new AppError("invalid", `${file}: larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(fs.readFileSync(file));
  } catch {
    throw new AppError("invalid", `${file}: not valid UTF-8 text`);
  }
}

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);

export function registerIndicatorsCommand(program: Command): void {
  const cmd = program.command("indicators").description("indicator series and their observations");

  addDbOptions(cmd.command("import").argument("<file.csv>", "observations CSV (header in the README)"))
    .description("import observations; the whole file or nothing")
    .requiredOption("--partnership <slug>", "partnership the indicators belong to")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  entente indicators import trade.csv --partnership gb-vn")
    .action(async (file: string, opts: Opts) => {
      const csv = readCsvFile(file);
      const result = await withDb(opts, async (db) =>
        importObservations(db, cliActor(), await requirePartnershipRef(db, opts.partnership), csv, file),
      );
      if (opts.json) return printJson(result);
      process.stdout.write(
        `Imported ${result.observationsImported} observations${result.indicatorsCreated.length ? `; new indicators: ${result.indicatorsCreated.join(", ")}` : ""}\n`,
      );
    });

  addDbOptions(cmd.command("list").description("list indicators and their latest values"))
    .requiredOption("--partnership <slug>", "partnership")
    .option("--json", "print JSON")
    .action(async (opts: Opts) => {
      const rows = await withDb(opts, async (db) =>
        listIndicators(db, (await requirePartnershipRef(db, opts.partnership)).id),
      );
      if (opts.json) return printJson(rows);
      for (const i of rows) {
        const last = i.observations.at(-1);
        process.stdout.write(
          `${i.slug} (${i.unit}${i.reportingParty ? `, ${i.reportingParty} statistics` : ""}): ${i.observations.length} values${last ? `, latest ${last.period} = ${last.value}` : ""}\n`,
        );
      }
    });

  const targets = program.command("targets").description("targets and their progress");
  addDbOptions(targets.command("list").description("list targets with progress, required growth and status"))
    .requiredOption("--partnership <slug>", "partnership")
    .option("--json", "print JSON")
    .action(async (opts: Opts) => {
      const rows = await withDb(opts, async (db) =>
        listTargets(db, (await requirePartnershipRef(db, opts.partnership)).id),
      );
      if (opts.json) return printJson(rows);
      for (const t of rows) {
        const deadline =
          t.deadline && !t.text.includes(t.deadline) ? ` by ${t.deadline}${t.deadlineAssumed ? " (assumed)" : ""}` : "";
        process.stdout.write(
          `#${t.id} ${t.text}${deadline}: ${t.status}, progress ${pct(t.progress)}, needs ${pct(t.requiredAnnualGrowth)}/yr\n`,
        );
      }
    });
}
