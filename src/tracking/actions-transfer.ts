import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError, assertNoProblems, isAppError, type Problem } from "../core/errors.ts";
import type { PartnershipRef } from "../http/access.ts";
import { requirePartnershipRef } from "../partnerships/service.ts";
import { type ActionCsvRow, type ActionExportRow, formatActionsCsv, parseActionsCsv } from "./actions-csv.ts";
import { presentAction } from "./presenter.ts";
import {
  findActionRow,
  findCommitmentRow,
  insertAction,
  listActionRows,
  listMilestoneRows,
  updateActionVersioned,
} from "./repository.ts";
import type { ActionView } from "./schema.ts";
import { applyRollUp, getAction } from "./service.ts";
import { todayUtc } from "./status.ts";

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** The partnerships the file touched. */
  partnerships: string[];
}

const snapshot = (v: ActionView) => {
  const { milestones: _milestones, overdue: _overdue, ...rest } = v;
  return rest;
};

/**
 * Imports an actions CSV (header in README, "Actions CSV") all-or-nothing:
 * every problem is reported with its line and column and nothing is stored
 * unless every row is good. Rows with an id edit that action at the version
 * given (a stale version is a 409 naming the line); status may be set for new
 * actions only, because later changes go through signed-off updates.
 *
 * @example
 *   const r = await importActionsCsv(db, cliActor(), fs.readFileSync("actions.csv", "utf8"), "actions.csv");
 */
export async function importActionsCsv(db: Db, actor: Actor, text: string, file: string): Promise<ImportResult> {
  const { rows, problems } = parseActionsCsv(text, file);
  assertNoProblems(problems, `${file}: nothing imported`);
  return db.transaction().execute(async (tx) => {
    const refs = new Map<string, PartnershipRef>();
    const found: Problem[] = [];
    const conflicts: { line: number; id: number; sent: number; current: number }[] = [];
    const at = (row: ActionCsvRow, field: string, message: string) =>
      found.push({ message, where: { file, line: row.line, field } });
    const plan: { row: ActionCsvRow; ref: PartnershipRef; commitmentId: number; existing: ActionView | null }[] = [];

    for (const row of rows) {
      let ref = refs.get(row.partnership);
      if (!ref) {
        ref = await requirePartnershipRef(tx, row.partnership).catch((e: unknown) => {
          if (isAppError(e)) return undefined;
          throw e;
        });
        if (!ref) {
          at(row, "partnership", `no partnership "${row.partnership}"`);
          continue;
        }
        refs.set(row.partnership, ref);
      }
      if (row.partyA && row.partyA !== ref.partyA) {
        at(row, "party_a", `${row.partnership}'s first party is ${ref.partyA}, not ${row.partyA}`);
      }
      if (row.partyB && row.partyB !== ref.partyB) {
        at(row, "party_b", `${row.partnership}'s second party is ${ref.partyB}, not ${row.partyB}`);
      }
      const c = await findCommitmentRow(tx, ref.id, { code: row.commitment });
      if (!c) {
        at(row, "commitment", `no commitment ${row.commitment} in ${row.partnership}`);
        continue;
      }
      if (row.id === null) {
        plan.push({ row, ref, commitmentId: c.id, existing: null });
        continue;
      }
      const action = await findActionRow(tx, ref.id, row.id);
      if (!action) {
        at(row, "id", `no action ${row.id} in ${row.partnership}`);
        continue;
      }
      if (action.commitment_id !== c.id) {
        at(row, "commitment", `action ${row.id} belongs to ${action.commitment_code}, not ${row.commitment}`);
        continue;
      }
      if (row.status !== null && row.status !== action.status) {
        at(
          row,
          "status",
          `is ${action.status} in the database; status changes go through updates (entente updates submit), so leave it unchanged or empty`,
        );
      }
      if (row.version !== null && row.version !== action.version) {
        conflicts.push({ line: row.line, id: row.id, sent: row.version, current: action.version });
      }
      plan.push({ row, ref, commitmentId: c.id, existing: await getAction(tx, ref, row.id) });
    }
    assertNoProblems(found, `${file}: nothing imported`);
    if (conflicts.length > 0) {
      const lines = conflicts.map(
        (c) => `${file}:${c.line}: action ${c.id} is at version ${c.current}, the file has ${c.sent}`,
      );
      throw new AppError(
        "conflict",
        `${file}: nothing imported; actions changed since the file was exported (export again and redo the edits):\n${lines.join("\n")}`,
        { reason: "stale_version", conflicts },
      );
    }

    const result: ImportResult = { created: 0, updated: 0, unchanged: 0, partnerships: [...refs.keys()] };
    const touched = new Map<number, PartnershipRef>();
    for (const { row, ref, commitmentId, existing } of plan) {
      const fields = {
        title: row.title,
        description: row.description,
        lead_agency_a: row.leadAgencyA,
        lead_agency_b: row.leadAgencyB,
        start_date: row.startDate,
        due_date: row.dueDate,
      };
      if (existing === null) {
        const { id } = await insertAction(tx, {
          commitment_id: commitmentId,
          ...fields,
          supporting_agencies: row.supportingAgencies,
          status: row.status ?? "not_started",
        });
        const created = await getAction(tx, ref, id);
        await recordAudit(tx, actor, {
          partnershipId: ref.id,
          entityType: "action",
          entityId: id,
          action: "import-create",
          after: { ...snapshot(created), line: row.line, file },
        });
        touched.set(commitmentId, ref);
        result.created++;
        continue;
      }
      const same =
        existing.title === row.title &&
        existing.description === row.description &&
        (existing.leadAgencies.find((l) => l.party === ref.partyA)?.agency ?? null) === row.leadAgencyA &&
        (existing.leadAgencies.find((l) => l.party === ref.partyB)?.agency ?? null) === row.leadAgencyB &&
        existing.supportingAgencies.join("\u0000") === row.supportingAgencies.join("\u0000") &&
        existing.startDate === row.startDate &&
        existing.dueDate === row.dueDate;
      if (same) {
        result.unchanged++;
        continue;
      }
      const ok = await updateActionVersioned(tx, existing.id, existing.version, {
        ...fields,
        supporting_agencies: JSON.stringify(row.supportingAgencies),
      });
      if (!ok) {
        throw new AppError(
          "conflict",
          `${file}:${row.line}: action ${existing.id} changed during the import; nothing imported`,
          {
            reason: "stale_version",
          },
        );
      }
      const after = await getAction(tx, ref, existing.id);
      await recordAudit(tx, actor, {
        partnershipId: ref.id,
        entityType: "action",
        entityId: existing.id,
        action: "import-update",
        before: snapshot(existing),
        after: { ...snapshot(after), line: row.line, file },
      });
      result.updated++;
    }
    for (const [commitmentId, ref] of touched) await applyRollUp(tx, actor, ref, commitmentId);
    return result;
  });
}

/** Every action of a partnership as export rows (CSV) or views (JSON). */
export async function exportActions(
  db: DbOrTx,
  slug: string,
  format: "csv" | "json",
  opts: { today?: string | undefined } = {},
): Promise<string> {
  const ref = await requirePartnershipRef(db, slug);
  const today = opts.today ?? todayUtc();
  const [actions, milestones] = await Promise.all([listActionRows(db, ref.id), listMilestoneRows(db, ref.id)]);
  const views = actions.map((a) => presentAction(a, ref, milestones, today));
  if (format === "json") return `${JSON.stringify({ partnership: slug, actions: views }, null, 2)}\n`;
  const rows: ActionExportRow[] = views.map((v) => ({
    partnership: slug,
    commitment: v.commitmentCode,
    id: v.id,
    version: v.version,
    title: v.title,
    description: v.description,
    partyA: ref.partyA,
    leadAgencyA: v.leadAgencies.find((l) => l.party === ref.partyA)?.agency ?? null,
    partyB: ref.partyB,
    leadAgencyB: v.leadAgencies.find((l) => l.party === ref.partyB)?.agency ?? null,
    supportingAgencies: v.supportingAgencies,
    startDate: v.startDate,
    dueDate: v.dueDate,
    status: v.status,
    overdue: v.overdue,
  }));
  return formatActionsCsv(rows);
}
