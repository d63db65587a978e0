import { escapeCsvCell, FORMULA_START, readCsv } from "../core/csv.ts";
import { stringify } from "csv-stringify/sync";
import type { Problem } from "../core/errors.ts";
import { isoDate } from "./schema.ts";
import { type Status, statusSchema } from "./status.ts";

/**
 * The actions CSV (README, "Actions CSV"). Header names are exact, order is
 * free; export writes them in this order:
 *
 *   partnership,commitment,id,version,title,description,party_a,lead_agency_a,
 *   party_b,lead_agency_b,supporting_agencies,start_date,due_date,status,overdue
 *
 * Required: partnership (slug), commitment (code), title. A row without `id`
 * adds an action; a row with `id` edits that action and must carry the
 * `version` it was exported at. `party_a`/`party_b` name whose agency the
 * lead_agency columns hold (checked when present); supporting_agencies are
 * separated by ";". `overdue` is computed and ignored on import.
 */
export const ACTION_COLUMNS = [
  "partnership",
  "commitment",
  "id",
  "version",
  "title",
  "description",
  "party_a",
  "lead_agency_a",
  "party_b",
  "lead_agency_b",
  "supporting_agencies",
  "start_date",
  "due_date",
  "status",
  "overdue",
] as const;
type Column = (typeof ACTION_COLUMNS)[number];
const REQUIRED: readonly Column[] = ["partnership", "commitment", "title"];

export const MAX_ACTIONS_CSV_BYTES = 5 * 1024 * 1024;

/** One checked CSV row, before it is matched against the database. */
export interface ActionCsvRow {
  line: number;
  partnership: string;
  commitment: string;
  id: number | null;
  version: number | null;
  title: string;
  description: string | null;
  partyA: string | null;
  leadAgencyA: string | null;
  partyB: string | null;
  leadAgencyB: string | null;
  supportingAgencies: string[];
  startDate: string | null;
  dueDate: string | null;
  status: Status | null;
}

const POSITIVE_INT = /^[1-9]\d{0,9}$/;

/** Our export protects formula-like cells with a leading quote; undo it on the way back in. */
const unprotect = (cell: string): string =>
  cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;

/**
 * Parses and checks a whole actions CSV: every row or every problem (with
 * file, line, column and field), never a mix, so an import is all-or-nothing.
 */
export function parseActionsCsv(text: string, file: string): { rows: ActionCsvRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (line: number, field: string | undefined, message: string, column?: number) =>
    problems.push({ message, where: { file, line, ...(column ? { column } : {}), ...(field ? { field } : {}) } });
  const read = readCsv(text, file, { maxBytes: MAX_ACTIONS_CSV_BYTES, header: ACTION_COLUMNS.join(",") });
  if ("problem" in read) return { rows: [], problems: [read.problem] };
  const { header, body } = read;
  const index = new Map<Column, number>();
  header.record.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const known = ACTION_COLUMNS.find((c) => c === name);
    if (!known) at(1, name, `unknown column "${name}"; expected ${ACTION_COLUMNS.join(",")}`, i + 1);
    else if (index.has(known)) at(1, name, `column "${name}" appears twice`, i + 1);
    else index.set(known, i);
  });
  for (const r of REQUIRED) if (!index.has(r)) at(1, r, `missing required column "${r}"`);
  if (problems.length > 0) return { rows: [], problems };
  if (body.length === 0) at(1, undefined, "no rows after the header");

  const rows: ActionCsvRow[] = [];
  const ids = new Map<number, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== header.record.length) {
      at(line, undefined, `has ${record.length} cells; the header has ${header.record.length}`);
      continue;
    }
    const col = (c: Column) => (index.get(c) ?? 0) + 1;
    const cell = (c: Column): string => {
      const i = index.get(c);
      return i === undefined ? "" : unprotect((record[i] ?? "").trim());
    };
    const optional = (c: Column): string | null => cell(c) || null;
    const before = problems.length;

    const partnership = cell("partnership");
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(partnership)) {
      at(line, "partnership", `"${partnership}" is not a partnership slug such as gb-vn`, col("partnership"));
    }
    const commitment = cell("commitment");
    if (!commitment) at(line, "commitment", "is empty; give the commitment code, e.g. C4", col("commitment"));
    const title = cell("title");
    if (!title) at(line, "title", "is empty", col("title"));
    else if (title.length > 500) at(line, "title", "is longer than 500 characters", col("title"));
    const description = optional("description");
    if (description && description.length > 5000) {
      at(line, "description", "is longer than 5000 characters", col("description"));
    }

    const int = (c: Column): number | null => {
      const v = cell(c);
      if (!v) return null;
      if (!POSITIVE_INT.test(v)) {
        at(line, c, `"${v}" is not a positive whole number`, col(c));
        return null;
      }
      return Number(v);
    };
    const id = int("id");
    const version = int("version");
    if (id !== null && version === null && !cell("version")) {
      at(
        line,
        "version",
        `is required when id is given (the version you exported, for conflict checks)`,
        col("version"),
      );
    }
    if (id !== null) {
      const first = ids.get(id);
      if (first !== undefined) at(line, "id", `action ${id} appears again (first on line ${first})`, col("id"));
      else ids.set(id, line);
    }

    const party = (c: "party_a" | "party_b"): string | null => {
      const v = cell(c).toUpperCase();
      if (!v) return null;
      if (!/^[A-Z]{2}$/.test(v)) at(line, c, `"${v}" is not an ISO country code`, col(c));
      return v;
    };
    const date = (c: "start_date" | "due_date"): string | null => {
      const v = cell(c);
      if (!v) return null;
      if (!isoDate.safeParse(v).success) {
        at(line, c, `"${v}" is not a date YYYY-MM-DD`, col(c));
        return null;
      }
      return v;
    };
    const startDate = date("start_date");
    const dueDate = date("due_date");
    if (startDate && dueDate && startDate > dueDate) {
      at(line, "due_date", `is before start_date ${startDate}`, col("due_date"));
    }
    const rawStatus = cell("status")
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    const status = rawStatus ? statusSchema.safeParse(rawStatus) : null;
    if (status && !status.success) {
      at(line, "status", `"${cell("status")}" is not one of ${statusSchema.options.join(", ")}`, col("status"));
    }
    const supporting = cell("supporting_agencies")
      .split(";")
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const partyA = party("party_a");
    const partyB = party("party_b");
    if (problems.length > before) continue;
    rows.push({
      line,
      partnership,
      commitment,
      id,
      version,
      title,
      description,
      partyA,
      leadAgencyA: optional("lead_agency_a"),
      partyB,
      leadAgencyB: optional("lead_agency_b"),
      supportingAgencies: supporting,
      startDate,
      dueDate,
      status: status?.success ? status.data : null,
    });
  }
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}

/** Prefixes a cell a spreadsheet would evaluate (=, +, -, @, tab, CR) with a single quote. */
export const protectCell = escapeCsvCell;

export interface ActionExportRow {
  partnership: string;
  commitment: string;
  id: number;
  version: number;
  title: string;
  description: string | null;
  partyA: string;
  leadAgencyA: string | null;
  partyB: string;
  leadAgencyB: string | null;
  supportingAgencies: readonly string[];
  startDate: string | null;
  dueDate: string | null;
  status: Status;
  overdue: boolean;
}

/** Writes actions as CSV with the import header, formula-like cells protected. */
export function formatActionsCsv(rows: readonly ActionExportRow[]): string {
  const cells = rows.map((r) =>
    [
      r.partnership,
      r.commitment,
      String(r.id),
      String(r.version),
      r.title,
      r.description ?? "",
      r.partyA,
      r.leadAgencyA ?? "",
      r.partyB,
      r.leadAgencyB ?? "",
      r.supportingAgencies.join("; "),
      r.startDate ?? "",
      r.dueDate ?? "",
      r.status,
      r.overdue ? "yes" : "no",
    ].map(protectCell),
  );
  return stringify([[...ACTION_COLUMNS], ...cells]);
}
