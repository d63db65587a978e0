import type { Command } from "commander";
import { type Actor, cliActor } from "../../audit/actor.ts";
import { findUserByEmail, loadPrincipal } from "../../auth/repository.ts";
import type { Principal } from "../../auth/roles.ts";
import type { Db } from "../../core/db/create-db.ts";
import { AppError } from "../../core/errors.ts";
import type { PartnershipRef } from "../../http/access.ts";
import { requirePartnershipRef } from "../../partnerships/service.ts";
import { findCommitmentRow } from "../../tracking/repository.ts";
import {
  type Evidence,
  type SubjectType,
  subjectTypeSchema,
  type UpdateView,
  updateStateSchema,
} from "../../tracking/schema.ts";
import { statusSchema } from "../../tracking/status.ts";
import {
  approveUpdate,
  createUpdate,
  editUpdate,
  getUpdate,
  listUpdates,
  partnershipOfUpdate,
  returnUpdate,
  submitUpdate,
} from "../../tracking/updates-service.ts";
import { addDbOptions, type DbOptions, printJson, withDb } from "../context.ts";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function parseId(raw: string, what: string): number {
  if (!/^[1-9]\d{0,9}$/.test(raw))
    throw new AppError("usage", `${what} must be a positive whole number (got "${raw}")`);
  return Number(raw);
}

function parseVersion(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : parseId(raw, "--expect-version");
}

/** `action:12`, `milestone:3`, `commitment:C4` (code) or `commitment:7` (id). */
async function resolveSubject(db: Db, ref: PartnershipRef, raw: string): Promise<{ type: SubjectType; id: number }> {
  const m = /^([a-z]+):(.+)$/.exec(raw.trim());
  const type = subjectTypeSchema.safeParse(m?.[1]);
  if (!m?.[2] || !type.success) {
    throw new AppError("usage", `--subject must be action:ID, milestone:ID or commitment:CODE (got "${raw}")`);
  }
  if (type.data === "commitment" && !/^\d+$/.test(m[2])) {
    const c = await findCommitmentRow(db, ref.id, { code: m[2] });
    if (!c) throw new AppError("not_found", `No commitment ${m[2]} in ${ref.slug}`);
    return { type: "commitment", id: c.id };
  }
  return { type: type.data, id: parseId(m[2], "--subject id") };
}

function evidenceFrom(urls: string[], citations: string[]): Evidence[] {
  return [...urls.map((url) => ({ url })), ...citations.map((citation) => ({ citation }))];
}

/** The reviewer named by --as, with the grants HTTP would check. */
async function reviewerAs(db: Db, email: string): Promise<{ actor: Actor; principal: Principal }> {
  const user = await findUserByEmail(db, email);
  const principal = user ? await loadPrincipal(db, user.id) : null;
  if (!user || !principal) throw new AppError("not_found", `No active user ${email}`);
  return { actor: { userId: user.id, label: `${user.email} (${cliActor().label})` }, principal };
}

function requireAs(email: string | undefined): string {
  if (!email) throw new AppError("usage", "--as EMAIL is required: approvals are checked against that user's grants");
  return email;
}

function printUpdate(u: UpdateView): void {
  const waiting =
    u.state === "pending" && u.signoff.waitingFor.length > 0
      ? `, waiting for ${u.signoff.waitingFor.join(" and ")}`
      : "";
  const status = u.newStatus ? ` → ${u.newStatus}` : "";
  process.stdout.write(`#${u.id} v${u.version} [${u.state}${waiting}] ${u.subject.type} ${u.subject.label}${status}\n`);
  if (u.state === "returned" && u.returnReason) process.stdout.write(`  returned: ${u.returnReason}\n`);
}

/**
 * `entente updates list|submit|approve|return`: the update workflow from the
 * command line, calling the same service functions as the HTTP API.
 */
export function registerUpdatesCommand(program: Command): void {
  const cmd = program
    .command("updates")
    .description("progress notes and status changes: submit, approve (each party), return");

  addDbOptions(cmd.command("list").description("list updates of a partnership"))
    .requiredOption("--partnership <slug>", "the partnership, e.g. gb-vn")
    .option("--state <state>", "draft, pending, approved or returned")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  entente updates list --partnership gb-vn --state pending")
    .action(async (opts: DbOptions & { partnership: string; state?: string; json?: boolean }) => {
      const state = opts.state === undefined ? undefined : updateStateSchema.safeParse(opts.state);
      if (state && !state.success) throw new AppError("usage", "--state must be draft, pending, approved or returned");
      const updates = await withDb(opts, async (db) =>
        listUpdates(db, await requirePartnershipRef(db, opts.partnership), {
          internal: true,
          states: state?.success ? [state.data] : undefined,
        }),
      );
      if (opts.json) return printJson(updates);
      if (updates.length === 0) return void process.stdout.write("No updates.\n");
      for (const u of updates) printUpdate(u);
    });

  addDbOptions(
    cmd
      .command("submit")
      .description("write and submit an update for review, or resubmit update ID (after a return) with edits"),
  )
    .argument("[id]", "an existing draft or returned update to (edit and) submit")
    .option("--partnership <slug>", "the partnership (needed for a new update)")
    .option("--subject <subject>", "what it is about: action:ID, milestone:ID or commitment:CODE")
    .option("--note <text>", "the progress note")
    .option("--status <status>", "proposed status: not_started, limited, substantial, complete or withdrawn")
    .option("--evidence <url>", "evidence URL (repeatable)", collect, [])
    .option("--citation <text>", "evidence as a source citation (repeatable)", collect, [])
    .option("--draft", "save as a draft without submitting (new updates only)")
    .option("--expect-version <n>", "fail with a conflict unless the update is at this version")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      `
Examples:
  entente updates submit --partnership gb-vn --subject action:12 --status complete \\
    --note "Guide published" --evidence https://www.gov.uk/example
  entente updates submit 31 --citation "MOIT press release, 3 March 2026"   # resubmit a returned update`,
    )
    .action(
      async (
        id: string | undefined,
        opts: DbOptions & {
          partnership?: string;
          subject?: string;
          note?: string;
          status?: string;
          evidence: string[];
          citation: string[];
          draft?: boolean;
          expectVersion?: string;
          json?: boolean;
        },
      ) => {
        const status = opts.status === undefined ? undefined : statusSchema.safeParse(opts.status);
        if (status && !status.success) {
          throw new AppError("usage", `--status must be one of ${statusSchema.options.join(", ")}`);
        }
        const evidence = evidenceFrom(opts.evidence, opts.citation);
        const expected = parseVersion(opts.expectVersion);
        const result = await withDb(opts, async (db) => {
          const actor = cliActor();
          if (id === undefined) {
            if (!opts.partnership || !opts.subject || !opts.note) {
              throw new AppError("usage", "a new update needs --partnership, --subject and --note");
            }
            const ref = await requirePartnershipRef(db, opts.partnership);
            return createUpdate(db, actor, ref, {
              subject: await resolveSubject(db, ref, opts.subject),
              note: opts.note,
              newStatus: status?.success ? status.data : null,
              evidence,
              submit: opts.draft !== true,
            });
          }
          const updateId = parseId(id, "update id");
          const ref = await partnershipOfUpdate(db, updateId);
          let current = await getUpdate(db, ref, updateId);
          const version = expected ?? current.version;
          const edits = {
            ...(opts.note !== undefined ? { note: opts.note } : {}),
            ...(status?.success ? { newStatus: status.data } : {}),
            ...(evidence.length > 0 ? { evidence } : {}),
          };
          if (Object.keys(edits).length > 0)
            current = await editUpdate(db, actor, ref, updateId, { version, ...edits });
          return submitUpdate(db, actor, ref, updateId, {
            version: Object.keys(edits).length > 0 ? current.version : version,
          });
        });
        if (opts.json) return printJson(result);
        printUpdate(result);
      },
    );

  addDbOptions(cmd.command("approve").description("approve a pending update for your party, as reviewer --as EMAIL"))
    .argument("<id>", "the update")
    .option("--as <email>", "the reviewer approving (their grants decide the party)")
    .option("--party <code>", "the party approved for, when the reviewer may sign for either")
    .option("--expect-version <n>", "fail with a conflict unless the update is at this version")
    .option("--json", "print JSON")
    .addHelpText("after", "\nExample:\n  entente updates approve 31 --as reviewer.vn@example.org")
    .action(
      async (id: string, opts: DbOptions & { as?: string; party?: string; expectVersion?: string; json?: boolean }) => {
        const updateId = parseId(id, "update id");
        const expected = parseVersion(opts.expectVersion);
        const email = requireAs(opts.as);
        const result = await withDb(opts, async (db) => {
          const { actor, principal } = await reviewerAs(db, email);
          const ref = await partnershipOfUpdate(db, updateId);
          const version = expected ?? (await getUpdate(db, ref, updateId)).version;
          return approveUpdate(db, actor, principal, ref, updateId, { version, party: opts.party?.toUpperCase() });
        });
        if (opts.json) return printJson(result);
        printUpdate(result);
      },
    );

  addDbOptions(cmd.command("return").description("return a pending update to its author with a reason"))
    .argument("<id>", "the update")
    .option("--as <email>", "the reviewer returning it")
    .requiredOption("--reason <text>", "why, for the author")
    .option("--expect-version <n>", "fail with a conflict unless the update is at this version")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      '\nExample:\n  entente updates return 31 --as reviewer.gb@example.org --reason "Cite the signed text"',
    )
    .action(
      async (id: string, opts: DbOptions & { as?: string; reason: string; expectVersion?: string; json?: boolean }) => {
        const updateId = parseId(id, "update id");
        const expected = parseVersion(opts.expectVersion);
        const email = requireAs(opts.as);
        const result = await withDb(opts, async (db) => {
          const { actor, principal } = await reviewerAs(db, email);
          const ref = await partnershipOfUpdate(db, updateId);
          const version = expected ?? (await getUpdate(db, ref, updateId)).version;
          return returnUpdate(db, actor, principal, ref, updateId, { version, reason: opts.reason });
        });
        if (opts.json) return printJson(result);
        printUpdate(result);
      },
    );
}
