import fs from "node:fs";
import type { Command } from "commander";
import { cliActor } from "../../audit/actor.ts";
import { AppError, formatProblems } from "../../core/errors.ts";
import { createPartnership, requirePartnershipRef } from "../../partnerships/service.ts";
import {
  acceptAllPending,
  decideReviewItem,
  diffVersions,
  type ExportFormat,
  exportPlan,
  ingestSources,
  listReviewItems,
  publishPlan,
} from "../../plans/service.ts";
import { readInputs } from "../../sources/read-inputs.ts";
import { extractDigest } from "../../extract/index.ts";
import { findCountryByName } from "../../core/countries.ts";
import { addDbOptions, type DbOptions, printJson, withDb } from "../context.ts";

type Opts = DbOptions & { partnership: string; json?: boolean };
const say = (s: string) => process.stderr.write(`${s}\n`);

export function registerPlanCommands(program: Command): void {
  addDbOptions(program.command("ingest").argument("<inputs...>", "files, directories, RSS/Atom feeds or http(s) URLs"))
    .description("store source texts, extract them and queue the items for review")
    .requiredOption("--partnership <slug>", "partnership the sources are about")
    .option("--create-partnership", "create the partnership from the extracted parties, level and date if missing")
    .option("--yes", "do not ask before creating the partnership")
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  entente ingest articles/ --partnership gb-vn\n  entente ingest news.rss --partnership au-vn --json",
    )
    .action(async (args: string[], opts: Opts & { createPartnership?: boolean; yes?: boolean }) => {
      const { inputs, problems } = await readInputs(args);
      if (problems.length) say(`Skipped:\n${formatProblems(problems)}`);
      if (inputs.length === 0) throw new AppError("invalid", "Nothing to ingest");
      say(`Read ${inputs.length} source text(s); extracting…`);
      const report = await withDb(opts, async (db) => {
        let ref = await requirePartnershipRef(db, opts.partnership).catch(() => null);
        if (!ref && opts.createPartnership) {
          const d = extractDigest(inputs.map((i, n) => ({ id: `doc${n}`, text: i.text, format: i.format })));
          const codes = d.partnership.parties.map((name) => findCountryByName(name)?.code);
          const [a, b] = codes;
          if (!a || !b)
            throw new AppError(
              "invalid",
              `Could not tell the two parties from the texts (found: ${d.partnership.parties.join(", ") || "none"})`,
            );
          say(
            `Creating ${opts.partnership}: ${d.partnership.parties.join(" – ")}, ${d.partnership.level ?? "no level"}${d.partnership.established ? ` since ${d.partnership.established}` : ""}`,
          );
          if (!opts.yes) throw new AppError("usage", "Re-run with --yes to create it");
          await createPartnership(db, cliActor(), {
            slug: opts.partnership,
            parties: [a, b],
            level: d.partnership.level,
            since: d.partnership.established,
            place: d.partnership.place,
            history: d.partnership.previous_level ? [{ level: d.partnership.previous_level }] : [],
          });
          ref = await requirePartnershipRef(db, opts.partnership);
        }
        if (!ref)
          throw new AppError(
            "not_found",
            `No partnership "${opts.partnership}" (add --create-partnership to create it)`,
          );
        return ingestSources(db, cliActor(), ref, inputs);
      });
      if (opts.json) return printJson(report);
      for (const d of report.duplicates) say(`${d.name}: already ingested as source ${d.sourceId}`);
      for (const e of report.empty) say(`${e.name}: ${e.message}; not stored`);
      process.stdout.write(
        `Stored ${report.stored.length} source(s); ${report.proposals} new item(s) and ${report.proposedUpdates} proposed update(s) await review; ${report.matched} matched existing items.\n`,
      );
      if (report.stored.length === 0) process.exitCode = 1;
    });

  const review = program.command("review").description("the review queue");
  addDbOptions(review.command("list").description("list review items"))
    .requiredOption("--partnership <slug>", "partnership")
    .option("--status <status>", "pending, accepted, rejected or merged", "pending")
    .option("--json", "print JSON")
    .action(async (opts: Opts & { status: string }) => {
      const items = await withDb(opts, async (db) =>
        listReviewItems(db, (await requirePartnershipRef(db, opts.partnership)).id, { status: opts.status }),
      );
      if (opts.json) return printJson(items);
      for (const i of items) {
        const p = i.payload && typeof i.payload === "object" ? i.payload : {};
        const text = ["text", "name", "event", "about"]
          .map((k) => Reflect.get(p, k))
          .find((v) => typeof v === "string");
        process.stdout.write(`#${i.id} [${i.category}] ${String(text ?? "")}\n`);
      }
    });
  addDbOptions(review.command("accept-all").description("accept every pending item except conflicts"))
    .requiredOption("--partnership <slug>", "partnership")
    .action(async (opts: Opts) => {
      const n = await withDb(opts, async (db) =>
        acceptAllPending(db, cliActor(), await requirePartnershipRef(db, opts.partnership)),
      );
      process.stdout.write(`Accepted ${n} item(s)\n`);
    });

  addDbOptions(review.command("decide").description("accept, reject or resolve one item"))
    .requiredOption("--partnership <slug>", "partnership")
    .requiredOption("--id <id>", "review item id")
    .requiredOption("--action <action>", "accept, reject or resolve")
    .option("--value <value>", "for resolve: the value chosen")
    .action(async (opts: Opts & { id: string; action: string; value?: string }) => {
      const r = await withDb(opts, async (db) => {
        const ref = await requirePartnershipRef(db, opts.partnership);
        const [item] = (await listReviewItems(db, ref.id)).filter((i) => i.id === Number(opts.id));
        if (!item) throw new AppError("not_found", `No review item ${opts.id}`);
        const version = item.version;
        if (opts.action === "resolve") {
          if (!opts.value) throw new AppError("usage", "resolve needs --value");
          return decideReviewItem(db, cliActor(), ref, item.id, { action: "resolve", version, value: opts.value });
        }
        if (opts.action !== "accept" && opts.action !== "reject")
          throw new AppError("usage", "--action must be accept, reject or resolve");
        return decideReviewItem(db, cliActor(), ref, item.id, { action: opts.action, version });
      });
      process.stdout.write(`Item ${r.id} is now ${r.status}\n`);
    });

  const plan = program.command("plan").description("published Joint Action Plan versions");
  addDbOptions(plan.command("publish").description("publish the accepted items as the next version"))
    .requiredOption("--partnership <slug>", "partnership")
    .option("--note <note>", "what this version changes")
    .option("--json", "print JSON")
    .action(async (opts: Opts & { note?: string }) => {
      const r = await withDb(opts, async (db) =>
        publishPlan(db, cliActor(), await requirePartnershipRef(db, opts.partnership), opts.note ?? null),
      );
      if (opts.json) return printJson(r);
      process.stdout.write(
        `Published version ${r.version} (${r.items} items, ${r.updates} updates queued for sign-off)\n`,
      );
    });
  addDbOptions(plan.command("diff").description("what changed between two versions"))
    .requiredOption("--partnership <slug>", "partnership")
    .requiredOption("--from <n>", "older version")
    .requiredOption("--to <m>", "newer version")
    .action(async (opts: Opts & { from: string; to: string }) => {
      const d = await withDb(opts, async (db) =>
        diffVersions(db, await requirePartnershipRef(db, opts.partnership), Number(opts.from), Number(opts.to)),
      );
      printJson(d);
    });
  addDbOptions(plan.command("export").description("export a version as Markdown, CSV or JSON"))
    .requiredOption("--partnership <slug>", "partnership")
    .option("--version <n>", "version (default: latest)")
    .option("--format <format>", "md, csv or json", "md")
    .option("--out <file>", "write to a file instead of stdout")
    .action(async (opts: Opts & { version?: string; format: string; out?: string }) => {
      if (!["md", "csv", "json"].includes(opts.format)) throw new AppError("usage", "--format must be md, csv or json");
      const format: ExportFormat = opts.format === "csv" ? "csv" : opts.format === "json" ? "json" : "md";
      const { body } = await withDb(opts, async (db) =>
        exportPlan(
          db,
          await requirePartnershipRef(db, opts.partnership),
          format,
          opts.version ? Number(opts.version) : undefined,
        ),
      );
      if (opts.out) fs.writeFileSync(opts.out, body);
      else process.stdout.write(body);
    });
}
