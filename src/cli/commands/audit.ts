import type { Command } from "commander";
import { readAuditLog } from "../../audit/service.ts";
import { AppError } from "../../core/errors.ts";
import { requirePartnershipRef } from "../../partnerships/service.ts";
import { addDbOptions, type DbOptions, printJson, withDb } from "../context.ts";

const positiveInt = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v)) throw new AppError("usage", `${name} must be a whole number (got "${v}")`);
  return Number(v);
};

/** `entente audit --partnership SLUG [--json]`: the append-only change log. */
export function registerAuditCommand(program: Command): void {
  addDbOptions(program.command("audit").description("show a partnership's audit log (who changed what, when)"))
    .requiredOption("--partnership <slug>", "the partnership, e.g. gb-vn")
    .option("--after <id>", "only events after this event id (paging)")
    .option("--limit <n>", "at most this many events (default 200, max 1000)")
    .option("--json", "print JSON: { events, nextAfter }")
    .addHelpText(
      "after",
      `
Examples:
  entente audit --partnership gb-vn
  entente audit --partnership gb-vn --json --after 120 --limit 50`,
    )
    .action(async (opts: DbOptions & { partnership: string; after?: string; limit?: string; json?: boolean }) => {
      const after = positiveInt("--after", opts.after);
      const limit = positiveInt("--limit", opts.limit);
      if (limit !== undefined && (limit < 1 || limit > 1000)) throw new AppError("usage", "--limit must be 1 to 1000");
      const page = await withDb(opts, async (db) => {
        const ref = await requirePartnershipRef(db, opts.partnership);
        return readAuditLog(db, ref.id, { after, limit });
      });
      if (opts.json) return printJson(page);
      if (page.events.length === 0) return void process.stdout.write("No audit events.\n");
      for (const e of page.events) {
        process.stdout.write(`#${e.id} ${e.at} ${e.actor} ${e.action} ${e.entityType} ${e.entityId}\n`);
      }
      if (page.nextAfter !== null) process.stdout.write(`(more: --after ${page.nextAfter})\n`);
    });
}
