import type { Command } from "commander";
import { cliActor } from "../../audit/actor.ts";
import { AppError } from "../../core/errors.ts";
import { createPartnership, listPartnerships } from "../../partnerships/service.ts";
import { addDbOptions, type DbOptions, printJson, withDb } from "../context.ts";

export function registerPartnershipsCommand(program: Command): void {
  const cmd = program.command("partnerships").description("list and create partnerships");

  addDbOptions(cmd.command("list").description("list partnerships"))
    .option("--json", "print JSON")
    .action(async (opts: DbOptions & { json?: boolean }) => {
      const rows = await withDb(opts, (db) => listPartnerships(db));
      if (opts.json) return printJson(rows);
      if (rows.length === 0) return void process.stdout.write("No partnerships yet. Try: entente demo load\n");
      for (const p of rows) {
        process.stdout.write(`${p.slug.padEnd(12)} ${p.title}${p.established ? ` (since ${p.established})` : ""}\n`);
      }
    });

  addDbOptions(cmd.command("add").description("create a partnership"))
    .requiredOption("--parties <A,B>", "the two parties as ISO codes, e.g. GB,VN")
    .option("--level <level>", 'current level, e.g. "Comprehensive Strategic Partnership"')
    .option("--since <date>", "date the level was reached (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--place <place>", "where the level was agreed")
    .option("--slug <slug>", "URL name (default: the two codes, e.g. gb-vn)")
    .option("--title <title>", "display title")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      '\nExample:\n  entente partnerships add --parties GB,VN --level "Comprehensive Strategic Partnership" --since 2025-10-29',
    )
    .action(
      async (
        opts: DbOptions & {
          parties: string;
          level?: string;
          since?: string;
          place?: string;
          slug?: string;
          title?: string;
          json?: boolean;
        },
      ) => {
        const parties = opts.parties.split(",").map((s) => s.trim());
        if (parties.length !== 2)
          throw new AppError("usage", `--parties needs two codes such as GB,VN (got "${opts.parties}")`);
        const created = await withDb(opts, (db) =>
          createPartnership(db, cliActor(), {
            parties: [parties[0] ?? "", parties[1] ?? ""],
            level: opts.level ?? null,
            since: opts.since ?? null,
            place: opts.place ?? null,
            slug: opts.slug,
            title: opts.title,
          }),
        );
        if (opts.json) return printJson(created);
        process.stdout.write(`Created ${created.slug}: ${created.title}\n`);
      },
    );
}
