import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Problem } from "../core/errors.ts";
import { isProblem, parsePeriod } from "./periods.ts";
import { KNOWN_UNITS_HELP, parseUnit } from "./units.ts";

/**
 * The observation CSV. Header (order free, names exact):
 *
 *   indicator,name,period,value,unit,reporting_party,source_name,source_url
 *
 * Required: indicator (slug), period (YYYY, YYYY-Qn, YYYY-MM), value, unit.
 * `name` is needed the first time an indicator appears. `reporting_party`
 * (ISO code of the party whose statistics these are) keeps each side's
 * figures a separate series.
 */
export const OBSERVATION_COLUMNS = [
  "indicator",
  "name",
  "period",
  "value",
  "unit",
  "reporting_party",
  "source_name",
  "source_url",
] as const;
const REQUIRED = ["indicator", "period", "value", "unit"] as const;
type Column = (typeof OBSERVATION_COLUMNS)[number];

export interface ObservationRow {
  line: number;
  indicator: string;
  name: string | null;
  period: string;
  periodStart: string;
  value: number;
  unit: string;
  currency: string | null;
  reportingParty: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
}

const parsedRecords = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }));

export const MAX_CSV_BYTES = 5 * 1024 * 1024;
const NUMBER = /^-?\d+(\.\d+)?$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Cells a spreadsheet would run as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Parses and checks a whole observation CSV. Returns every row or every
 * problem (file, line, column), never a mix: imports are all-or-nothing.
 */
export function parseObservationsCsv(text: string, file: string): { rows: ObservationRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (line: number, field: string | undefined, message: string, column?: number) =>
    problems.push({ message, where: { file, line, ...(column ? { column } : {}), ...(field ? { field } : {}) } });
  if (Buffer.byteLength(text) > MAX_CSV_BYTES) {
    at(1, undefined, `file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`);
    return { rows: [], problems };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types do not model `info: true`; check the shape instead of casting.
    const raw: unknown = parse(text.replace(/^\uFEFF/, ""), { info: true, skip_empty_lines: true });
    records = parsedRecords.parse(raw);
  } catch (e) {
    const line = e && typeof e === "object" && "lines" in e && typeof e.lines === "number" ? e.lines : 1;
    at(line, undefined, `not valid CSV: ${e instanceof Error ? e.message : String(e)}`);
    return { rows: [], problems };
  }
  const [header, ...body] = records;
  if (!header) {
    at(1, undefined, "empty file: expected a header line");
    return { rows: [], problems };
  }
  const names = header.record.map((h) => h.trim().toLowerCase());
  const index = new Map<Column, number>();
  names.forEach((n, i) => {
    const known = OBSERVATION_COLUMNS.find((c) => c === n);
    if (!known) at(1, n, `unknown column "${n}"; expected ${OBSERVATION_COLUMNS.join(",")}`, i + 1);
    else if (index.has(known)) at(1, n, `column "${n}" appears twice`, i + 1);
    else index.set(known, i);
  });
  for (const r of REQUIRED) if (!index.has(r)) at(1, r, `missing required column "${r}"`);
  if (problems.length) return { rows: [], problems };

  const rows: ObservationRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (c: Column): string => {
      const i = index.get(c);
      return i === undefined ? "" : (record[i] ?? "").trim();
    };
    const col = (c: Column) => (index.get(c) ?? 0) + 1;
    for (const c of OBSERVATION_COLUMNS) {
      if (c !== "value" && FORMULA_START.test(cell(c))) {
        at(line, c, "cell starts with =, +, -, @ or a control character (spreadsheet formula); remove it", col(c));
      }
    }
    const indicator = cell("indicator");
    if (!SLUG.test(indicator))
      at(line, "indicator", `"${indicator}" is not a slug (a-z, 0-9, hyphens)`, col("indicator"));
    const period = parsePeriod(cell("period"));
    if (isProblem(period)) at(line, "period", period.message, col("period"));
    const rawValue = cell("value");
    if (!NUMBER.test(rawValue))
      at(line, "value", `"${rawValue}" is not a number (use a dot for decimals)`, col("value"));
    const unit = parseUnit(cell("unit"));
    if (!unit) at(line, "unit", `unknown unit "${cell("unit")}": use ${KNOWN_UNITS_HELP}`, col("unit"));
    const party = cell("reporting_party").toUpperCase();
    if (party && !/^[A-Z]{2}$/.test(party)) {
      at(line, "reporting_party", `"${party}" is not an ISO country code`, col("reporting_party"));
    }
    const url = cell("source_url");
    if (url && !/^https?:\/\/\S+$/.test(url)) at(line, "source_url", "must be an http(s) URL", col("source_url"));
    if (isProblem(period) || !unit || !NUMBER.test(rawValue)) continue;
    const key = `${indicator}|${period.label}`;
    const first = seen.get(key);
    if (first !== undefined) {
      at(line, "period", `duplicate period ${period.label} for ${indicator} (first on line ${first})`, col("period"));
      continue;
    }
    seen.set(key, line);
    rows.push({
      line,
      indicator,
      name: cell("name") || null,
      period: period.label,
      periodStart: period.start,
      value: Number(rawValue),
      unit: unit.name,
      currency: unit.currency,
      reportingParty: party || null,
      sourceName: cell("source_name") || null,
      sourceUrl: url || null,
    });
  }
  if (body.length === 0) at(1, undefined, "no data rows after the header");
  return problems.length ? { rows: [], problems } : { rows, problems };
}

/** Makes a cell safe to open in a spreadsheet by prefixing a quote to formula-like text. */
export const escapeCsvCell = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);
