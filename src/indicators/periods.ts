import type { Problem } from "../core/errors.ts";

/** A reporting period: a year, a quarter or a month. */
export interface Period {
  /** Canonical label: "2024", "2024-Q3" or "2024-07". */
  label: string;
  /** First day, "YYYY-MM-DD". */
  start: string;
  /** Position on a continuous time axis in years (2024.5 = mid-2024); the period's midpoint. */
  t: number;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/**
 * Parses "2024", "2024-Q3" / "2024Q3" or "2024-07"; returns a problem for
 * anything else or a year outside 1900–2100.
 */
export function parsePeriod(raw: string): Period | Problem {
  const s = raw.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(s);
  if (m) return make(Number(m[1]), 1, 12, s);
  m = /^(\d{4})-?Q([1-4])$/.exec(s);
  if (m) {
    const q = Number(m[2]);
    return make(Number(m[1]), (q - 1) * 3 + 1, 3, `${m[1]}-Q${q}`);
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  if (m) return make(Number(m[1]), Number(m[2]), 1, `${m[1]}-${m[2]}`);
  return { message: `period "${raw}" is not YYYY, YYYY-Qn or YYYY-MM` };
}

function make(year: number, month: number, months: number, label: string): Period | Problem {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { message: `period "${label}" is outside ${MIN_YEAR}–${MAX_YEAR}` };
  }
  const start = `${year}-${String(month).padStart(2, "0")}-01`;
  return { label, start, t: year + (month - 1 + months / 2) / 12 };
}

export const isProblem = (x: Period | Problem): x is Problem => "message" in x;

/**
 * The time-axis position of a deadline. "By 2030" is read as the 2030 annual
 * figure, so a year maps to its midpoint (2030.5), like an annual period.
 */
export function deadlineT(deadline: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(deadline);
  if (!m) return null;
  return m[2] ? Number(m[1]) + (Number(m[2]) - 0.5) / 12 : Number(m[1]) + 0.5;
}
