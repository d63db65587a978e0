/**
 * Dates in running text, found on the accent-free lower-case text. A date may
 * be complete (2025-10-29), lack its year ("on Oct. 29"; the document's year
 * fills it in later) or be a weekday ("on Thursday"; resolved against the
 * document's date).
 */
export interface DateMention {
  start: number;
  end: number;
  year: number | null;
  month: number | null;
  day: number | null;
  /** 0 = Sunday … 6 = Saturday, for "on Thursday". */
  weekday: number | null;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH =
  "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray) => Omit<DateMention, "start" | "end"> | null }> = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => ymd(m[1], m[2], m[3]) },
  { re: /\bngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?/g, read: (m) => ymd(m[3], m[2], m[1]) },
  { re: /\b(?:ngay )?(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, read: (m) => ymd(m[3], m[2], m[1]) },
  { re: /\bngay (\d{1,2})\/(\d{1,2})\b/g, read: (m) => ymd(undefined, m[2], m[1]) },
  { re: /\bthang (\d{1,2})(?:\/| nam )(\d{4})\b/g, read: (m) => ymd(m[2], m[1], undefined) },
  {
    re: new RegExp(`\\b${MONTH}\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b(?!\\d)`, "g"),
    read: (m) => ymd(m[3], monthOf(m[1]), m[2]),
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH}\\.?(?:,? (\\d{4}))?\\b`, "g"),
    read: (m) => ymd(m[3], monthOf(m[2]), m[1]),
  },
  { re: new RegExp(`\\b${MONTH}\\.?,? (\\d{4})\\b`, "g"), read: (m) => ymd(m[2], monthOf(m[1]), undefined) },
  {
    re: /\b(?:on|last|this) (sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/g,
    read: (m) => weekday(m[1]),
  },
  { re: /\b(1[89]\d\d|20\d\d)\b/g, read: (m) => ymd(m[1], undefined, undefined) },
];

function monthOf(name: string | undefined): string | undefined {
  const n = name === undefined ? undefined : MONTHS[name];
  return n === undefined ? undefined : String(n);
}

function ymd(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
): Omit<DateMention, "start" | "end"> | null {
  const year = y === undefined ? null : Number(y);
  const month = mo === undefined ? null : Number(mo);
  const day = d === undefined ? null : Number(d);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  if (year !== null && (year < 1800 || year > 2199)) return null;
  return { year, month, day, weekday: null };
}

function weekday(name: string | undefined): Omit<DateMention, "start" | "end"> {
  return { year: null, month: null, day: null, weekday: name === undefined ? null : WEEKDAYS.indexOf(name) };
}

/**
 * Dates inside `lower.slice(from, to)`, earliest first, never overlapping
 * (a full date hides the year inside it). `plain` is the case-kept text: a
 * month name must be capitalised there, so "may" the verb is no month.
 */
export function findDates(lower: string, plain: string, from: number, to: number): DateMention[] {
  const slice = lower.slice(from, to);
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const firstLetter = /[a-z]/.exec(m[0]);
      if (
        firstLetter !== null &&
        /^[a-z]/.test(m[0]) &&
        !m[0].startsWith("ngay") &&
        !m[0].startsWith("thang") &&
        !/^(on|last|this) /.test(m[0])
      ) {
        const c = plain.charAt(start);
        if (c === c.toLowerCase()) continue;
      }
      const value = read(m);
      if (value === null) continue;
      taken.push([start, end]);
      found.push({ start, end, ...value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Formats a complete or partial date as YYYY, YYYY-MM or YYYY-MM-DD. */
export function formatPartialDate(year: number, month: number | null, day: number | null): string {
  const p = (n: number) => String(n).padStart(2, "0");
  if (month === null) return String(year);
  if (day === null) return `${year}-${p(month)}`;
  return `${year}-${p(month)}-${p(day)}`;
}

/** The date of the most recent given weekday on or before a YYYY-MM-DD date. */
export function weekdayOnOrBefore(reference: string, weekdayIndex: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(reference);
  if (m === null) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  const back = (d.getUTCDay() - weekdayIndex + 7) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** Reads a YYYY[-MM[-DD]] string into its parts. */
export function parsePartialDate(s: string): { year: number; month: number | null; day: number | null } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (m === null) return null;
  return {
    year: Number(m[1]),
    month: m[2] === undefined ? null : Number(m[2]),
    day: m[3] === undefined ? null : Number(m[3]),
  };
}
