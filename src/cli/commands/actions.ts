import fs from "node:fs";
import type { Command } from "commander";
import { cliActor } from "../../audit/actor.ts";
import { AppError } from "../../core/errors.ts";
import { exportActions, importActionsCsv } from "../../tracking/actions-transfer.ts";
import { ACTION_COLUMNS, MAX_ACTIONS_CSV_BYTES } from "../../tracking/actions-csv.ts";
import { addDbOptions, type DbOptions, printJson, withDb } from "../context.ts";

/** Reads a text file for import with a one-line error instead of an fs stack. */
function readCsvFile(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError("invalid", `cannot read ${file}: no such file`);
  }
  if (!stat.isFile()) throw new AppError("invalid", `cannot read ${file}: not a file`);
  if (stat.size > MAX_ACTIONS_CSV_BYTES) {
    throw new AppError("payload_too_large", `${file} is larger than ${MAX_ACTIONS_CSV_BYTES / 1024 / 1024} MB`);
  }
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0)) throw new AppError("invalid", `${file} is not a text file`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid", `${file} is not UTF-8 text; save it as CSV UTF-8`);
  }
}

/**
 * `entente actions import FILE.csv` and `entente actions export --partnership SLUG`.
 */
export function registerActionsCommand(program: Command): void {
  const cmd = program.command("actions").description("import and export the actions under commitments (CSV or JSON)");

  addDbOptions(cmd.command("import").description("add or edit actions from a CSV file, all or nothing"))
    .argument("<file>", "CSV file with the header described in the README")
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
Header (order free; partnership, commitment and title required):
  ${ACTION_COLUMNS.join(",")}

A row without id adds an action; a row with id edits it and needs the version it was exported at.
Any bad row stops the whole import; every problem is listed as FILE:LINE:COLUMN field: message.

Example:
  entente actions export --partnership gb-vn > actions.csv   # edit in a spreadsheet, then
  entente actions import actions.csv`,
    )
    .action(async (file: string, opts: DbOptions & { json?: boolean }) => {
      const text = readCsvFile(file);
      const result = await withDb(opts, (db) => importActionsCsv(db, cliActor(), text, file));
      if (opts.json) return printJson(result);
      process.stdout.write(
        `Imported ${file}: ${result.created} added, ${result.updated} edited, ${result.unchanged} unchanged (${result.partnerships.join(", ")})\n`,
      );
    });

  addDbOptions(cmd.command("export").description("print every action of a partnership"))
    .requiredOption("--partnership <slug>", "the partnership, e.g. gb-vn")
    .option("--format <format>", "csv or json", "csv")
    .option("--json", "same as --format json")
    .option("--out <file>", "write to a file instead of stdout")
    .addHelpText(
      "after",
      `
Cells a spreadsheet would run as a formula (starting with = + - @) are written with a leading '.

Examples:
  entente actions export --partnership gb-vn > actions.csv
  entente actions export --partnership gb-vn --format json`,
    )
    .action(async (opts: DbOptions & { partnership: string; format: string; json?: boolean; out?: string }) => {
      const format = opts.json ? "json" : opts.format;
      if (format !== "csv" && format !== "json") {
        throw new AppError("usage", `--format must be csv or json (got "${opts.format}")`);
      }
      const out = await withDb(opts, (db) => exportActions(db, opts.partnership, format));
      if (opts.out === undefined) return void process.stdout.write(out);
      try {
        fs.writeFileSync(opts.out, out);
      } catch (e) {
        const code = e instanceof Error && "code" in e ? String(e.code) : "error";
        throw new AppError("invalid", `cannot write ${opts.out} (${code})`);
      }
    });
}
