import fs from "node:fs";
import type { Command } from "commander";
import { createBackup, restoreBackup } from "../../backup/backup.ts";
import { AppError } from "../../core/errors.ts";
import { addDbOptions, type DbOptions, withDb } from "../context.ts";

export function registerBackupCommands(program: Command): void {
  addDbOptions(program.command("backup").argument("<file>", "where to write the backup (JSON)"))
    .description("write a logical backup of every table (PGlite or PostgreSQL)")
    .addHelpText("after", "\nExample:\n  entente backup entente-2026-11-24.json")
    .action(async (file: string, opts: DbOptions) => {
      const backup = await withDb(opts, (db) => createBackup(db));
      const tmp = `${file}.partial`;
      fs.writeFileSync(tmp, JSON.stringify(backup));
      fs.renameSync(tmp, file);
      const rows = backup.tables.reduce((n, t) => n + t.rowCount, 0);
      process.stdout.write(`Wrote ${file}: ${backup.tables.length} tables, ${rows} rows\n`);
    });

  addDbOptions(program.command("restore").argument("<file>", "a backup written by entente backup"))
    .description("restore a backup into an empty database")
    .action(async (file: string, opts: DbOptions) => {
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch (e) {
        const code = e instanceof Error && "code" in e ? String(e.code) : "";
        throw new AppError("invalid", `${file}: ${code === "ENOENT" ? "no such file" : "not a JSON backup"}`);
      }
      const r = await withDb(opts, (db) => restoreBackup(db, data));
      process.stdout.write(`Restored ${r.rows} rows into ${r.tables} tables\n`);
    });
}
