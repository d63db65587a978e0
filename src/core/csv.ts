import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Problem } from "./errors.ts";

/** Cells a spreadsheet would run as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a cell safe to open in a spreadsheet by prefixing a quote to formula-like text. */
export const escapeCsvCell = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

/** A record of a CSV file with the line it ends on (for error messages). */
export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

// csv-parse's types do not model `info: true`; check the shape instead of casting.
const parsedRecords = z.array(z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }));

/**
 * Reads a CSV file's header and records, or the problem that stops it: too
 * large, not valid CSV (with the line), or empty. Shared by every importer
 * so each reports problems the same way.
 */
export function readCsv(
  text: string,
  file: string,
  options: { maxBytes: number; header: string },
): { header: CsvRecord; body: CsvRecord[] } | { problem: Problem } {
  const problem = (line: number, message: string) => ({ problem: { message, where: { file, line } } });
  if (Buffer.byteLength(text) > options.maxBytes) {
    return problem(1, `file is larger than ${options.maxBytes / 1024 / 1024} MB`);
  }
  let records: CsvRecord[];
  try {
    records = parsedRecords.parse(parse(text.replace(/^\uFEFF/, ""), { info: true, skip_empty_lines: true }));
  } catch (e) {
    const line = e && typeof e === "object" && "lines" in e && typeof e.lines === "number" ? e.lines : 1;
    return problem(line, `not valid CSV: ${e instanceof Error ? e.message : String(e)}`);
  }
  const [header, ...body] = records;
  if (!header) return problem(1, `empty file: expected the header ${options.header}`);
  return { header, body };
}
