import { FORMULA_START, readCsv } from "../core/csv.ts";
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

export const MAX_CSV_BYTES = 5 * 1024 * 1024;
const NUMBER = /^-?\d+(\.\d+)?$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Parses and checks a whole observation CSV. Returns every row or every
 * problem (file, line, column), never a mix: imports are all-or-nothing.
 */
export function parseObservationsCsv(text: string, file: string): { rows: ObservationRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (line: number, field: string | undefined, message: string, column?: number) =>
    problems.push({ message, where: { file, line, ...(column ? { column } : {}), ...(field ? { field } : {}) } });
  const read = readCsv(text, file, { maxBytes: MAX_CSV_BYTES, header: OBSERVATION_COLUMNS.join(",") });
  if ("problem" in read) return { rows: [], problems: [read.problem] };
  const { header, body } = read;
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
