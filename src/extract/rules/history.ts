import { findDates } from "../dates.ts";
import { type DocumentContext, cite, rawOf } from "../document-context.ts";
import type { HistoryFinding } from "../findings.ts";
import { LEVELS } from "../gazetteer/levels.ts";
import { foldPhrase } from "../phrase-index.ts";
import type { Sentence } from "../segment.ts";

/** Words that make a dated clause an event of the relationship. */
const RELATION_EVENT =
  /\b(diplomatic (?:relations|ties)|relations|ties|partnership|bilateral|normali[sz]\w*|signed|sign|visit\w*|talks|summit|elevat\w*|upgrad\w*|establish\w*|adopt\w*|opened|launched|inaugurat\w*|concluded|conclud\w*|depart\w*|arriv\w*|met|hosted|quan he|thiet lap|nang cap|tham|doi tac|tro thanh)\b/;
const FUTURE =
  /\b(by|until|before|toward|towards|target\w*|goal\w*|vision|aim\w*|plan\w*|will|strategy|for)\s+(?:the year\s+)?$/;
const levelForms = LEVELS.flatMap((l) =>
  l.forms
    .flatMap((f) => [f, f.replace(/partnership$/, "partners")])
    .map((f) => ({ form: foldPhrase(f), name: l.name })),
).sort((a, b) => b.form.length - a.form.length);

/**
 * Finds dated events of the relationship: each date in a sentence anchors
 * the clause around it ("the establishment of diplomatic relations in 1973"),
 * kept when the clause names a relationship event. Future years (targets)
 * and years inside names ("the 1982 Convention") are skipped.
 */
export function findHistory(ctx: DocumentContext, s: Sentence, out: HistoryFinding[]): void {
  const { lower, plain } = ctx.folded;
  const dates = findDates(lower, plain, s.start, s.end);
  for (const d of dates) {
    if (d.year === null && d.day === null && d.weekday === null) continue;
    const before = lower.slice(Math.max(s.start, d.start - 24), d.start);
    if (d.weekday === null && d.day === null && FUTURE.test(before)) continue;
    // "date 2025-10-30" at the top of a page is the publication date, not an event.
    if (/\bdate:?\s*$/.test(before)) continue;
    const after = plain.slice(d.end, Math.min(s.end, d.end + 2));
    // A year used as a modifier of a capitalised name ("1982 United Nations Convention", "2025 Memorandum").
    if (d.month === null && d.weekday === null && /^ [A-Z]/.test(after)) continue;
    const [cs, ce] = clauseAround(lower, s.start, s.end, d.start, d.end, dates.length > 1);
    const clause = lower.slice(cs, ce);
    if (!RELATION_EVENT.test(clause)) continue;
    let year = d.year;
    let month = d.month;
    let day = d.day;
    if (d.weekday !== null) {
      if (ctx.date === null || ctx.date.length !== 10) continue;
      const ref = new Date(`${ctx.date}T00:00:00Z`);
      ref.setUTCDate(ref.getUTCDate() - ((ref.getUTCDay() - d.weekday + 7) % 7));
      year = ref.getUTCFullYear();
      month = ref.getUTCMonth() + 1;
      day = ref.getUTCDate();
    } else if (year === null && ctx.date !== null) {
      year = Number(ctx.date.slice(0, 4));
    }
    const level = levelForms.find((f) => clause.includes(f.form))?.name ?? null;
    out.push({
      date: { year, month, day },
      event: rawOf(ctx, cs, ce),
      level,
      citation: cite(ctx, cs, ce, [d.start, d.end]),
    });
  }
}

/**
 * The clause around a date: bounded by the sentence, semicolons, and commas or
 * "and" that introduce a new dated clause; widened to the whole sentence when
 * the sentence is short.
 */
function clauseAround(
  lower: string,
  from: number,
  to: number,
  ds: number,
  de: number,
  several: boolean,
): [number, number] {
  if (to - from <= 220 && !several) return [from, to];
  const text = lower.slice(from, to);
  const rel = ds - from;
  const relEnd = de - from;
  const breaks =
    /;|, (?:and |while |but |which |had )?|\band\b (?=\d|[a-z]+ (?:years|decades)|(?:[a-z]+ )?(?:became|formed|upgraded|elevated|signed|established|raised|opened|tro thanh|nang)\b|va )|\bsince\b|\bva (?=tro|nang)/g;
  let start = 0;
  let end = text.length;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    if (m.index + m[0].length <= rel && rel - (m.index + m[0].length) < 200) start = m.index + m[0].length;
    else if (m.index >= relEnd) {
      end = m.index;
      break;
    }
  }
  if (end - start < 25) return [from, to];
  return [from + start, from + end];
}
