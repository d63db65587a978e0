import { findDates } from "../dates.ts";
import { type DocumentContext, cite, countriesIn, lowerOf } from "../document-context.ts";
import type { LevelFinding, PlaceFinding } from "../findings.ts";
import { LEVELS } from "../gazetteer/levels.ts";
import { CITIES } from "../gazetteer/places.ts";
import { foldPhrase, PhraseIndex } from "../phrase-index.ts";
import type { Sentence } from "../segment.ts";

const levelForms = LEVELS.flatMap((l) => l.forms.map((f) => ({ form: foldPhrase(f), level: l }))).sort(
  (a, b) => b.form.length - a.form.length,
);
const LEVEL_RE = new RegExp(`\\b(${levelForms.map((f) => f.form.replace(/ /g, "\\s+")).join("|")})(s?)\\b`, "g");
const levelOf = (form: string) => levelForms.find((f) => f.form === form.replace(/\s+/g, " "))?.level;

const UPGRADE =
  /\b(elevat\w*|upgrad\w*|rais(?:e|ed|es|ing)|lift\w*|establish\w*|forg(?:e|ed|es|ing)|form(?:ally|alis\w*|aliz\w*)|became|become|becoming|launch\w*|announc\w*|nang cap|nang quan he|thiet lap|xac lap)\b/;
const PLANNED =
  /\b(plan(?:s|ned)? to|aim(?:s|ing)? (?:for|to)|will|would|could|seek\w* to|propos\w*|consider\w*|hope\w*)\b/;
const FROM_TO = /\bfrom (?:an? |the |their )?([a-z ]+?partnership) to (?:an? |the )?([a-z ]+?partnership)\b/;

const cityIndex = new PhraseIndex<string>();
for (const c of CITIES) cityIndex.add(c, c.replace(/^Ha Noi$/, "Hanoi"));

/** Finds partnership-level mentions (with date and place when an upgrade sentence states them). */
export function findLevels(ctx: DocumentContext, s: Sentence, out: LevelFinding[], places: PlaceFinding[]): void {
  const lower = lowerOf(ctx, s.start, s.end);
  LEVEL_RE.lastIndex = 0;
  const mentions: Array<{ level: (typeof LEVELS)[number]; start: number; end: number }> = [];
  for (let m = LEVEL_RE.exec(lower); m !== null; m = LEVEL_RE.exec(lower)) {
    const form = m[1] ?? "";
    const level = levelOf(form);
    // "Comprehensive Strategic Partnerships with all five permanent members": about partnerships in general.
    if (level === undefined || m[2] === "s") continue;
    mentions.push({ level, start: s.start + m.index, end: s.start + m.index + form.length });
  }
  if (mentions.length === 0) return;
  const upgradeCue = UPGRADE.exec(lower);
  const planned =
    upgradeCue !== null && PLANNED.test(lower.slice(0, upgradeCue.index + 1)) && !/\bagreed to\b/.test(lower);
  const fromTo = FROM_TO.exec(lower);
  const previous = fromTo !== null ? (levelOf(fromTo[1]?.trim() ?? "")?.name ?? null) : null;
  let date: LevelFinding["date"] = null;
  let dateWeight = 0;
  const isUpgrade = upgradeCue !== null && !planned;
  if (isUpgrade) {
    for (const d of findDates(ctx.folded.lower, ctx.folded.plain, s.start, s.end)) {
      if (d.weekday !== null) {
        const resolved = ctx.date !== null && ctx.date.length === 10 ? weekdayDate(ctx, d.weekday) : null;
        if (resolved !== null && dateWeight < 2) {
          date = resolved;
          dateWeight = 2;
        }
      } else if (d.day !== null && dateWeight < 3) {
        date = { year: d.year ?? docYear(ctx), month: d.month, day: d.day };
        dateWeight = 3;
      }
    }
    if (dateWeight === 0 && ctx.date !== null && ctx.date.length === 10) {
      date = {
        year: Number(ctx.date.slice(0, 4)),
        month: Number(ctx.date.slice(5, 7)),
        day: Number(ctx.date.slice(8, 10)),
      };
      dateWeight = 1;
    }
  }
  let place: string | null = null;
  if (isUpgrade) {
    for (const hit of cityIndex.scanCapitalised(ctx.folded.lower, ctx.folded.plain, s.start, s.end)) {
      const before = ctx.folded.lower.slice(Math.max(s.start, hit.start - 4), hit.start);
      const possessive = /^['’]s\b/.test(ctx.folded.plain.slice(hit.end, hit.end + 3));
      if (/\b(in|at|tai) $/.test(before) && !possessive) {
        place = hit.payload;
        places.push({ place: hit.payload, weight: 3 });
        break;
      }
    }
  }
  const target =
    upgradeCue !== null
      ? (mentions.find((m) => m.start > s.start + upgradeCue.index) ?? mentions[mentions.length - 1])
      : mentions[0];
  for (const m of mentions) {
    const upgrade = isUpgrade && m === target;
    out.push({
      level: m.level.name,
      rank: m.level.rank,
      upgrade,
      previous: upgrade ? previous : null,
      date: upgrade ? date : null,
      dateWeight: upgrade ? dateWeight : 0,
      place: upgrade ? place : null,
      citation: cite(ctx, s.start, s.end, [m.start, m.end]),
    });
  }
}

function docYear(ctx: DocumentContext): number | null {
  return ctx.date === null ? null : Number(ctx.date.slice(0, 4));
}

function weekdayDate(ctx: DocumentContext, weekday: number): LevelFinding["date"] {
  if (ctx.date === null) return null;
  const d = new Date(`${ctx.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - weekday + 7) % 7));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A dateline ("LONDON —", "HANOI (VNA) –") names where the article was filed: a weak hint for the place. */
export function findDateline(ctx: DocumentContext, s: Sentence, places: PlaceFinding[]): void {
  if (!s.lineStart) return;
  const hit = cityIndex.matchAt(ctx.folded.lower, ctx.folded.plain, s.start);
  const head = ctx.folded.plain.slice(s.start, Math.min(s.end, s.start + 60));
  const dateLine = /^date \d{4}-\d{2}-\d{2} /i.exec(head);
  const at = dateLine !== null ? s.start + dateLine[0].length : s.start;
  const hit2 = hit ?? cityIndex.matchAt(ctx.folded.lower, ctx.folded.plain, at);
  if (hit2 === null) return;
  const word = ctx.folded.plain.slice(hit2.start, hit2.end);
  const after = ctx.folded.plain.slice(hit2.end, hit2.end + 12);
  const capitals = word === word.toUpperCase() && /^\s*(\([A-Za-z]+\)\s*)?[—–\-,:]/.test(after);
  // "Paris, 7 October 2024 —": a title-case city followed by a date or a dash.
  const titled = /^\s*(?:,\s*\d{1,2}\s+[A-Z]|,\s*[A-Z][a-z]+\.?\s+\d|\s*[—–])/.test(
    ctx.folded.plain.slice(hit2.end, hit2.end + 20),
  );
  if (capitals || titled) places.push({ place: hit2.payload, weight: 1 });
}

/**
 * How strongly a document points at each country as a party: names count 1,
 * demonyms 0.5; the title, level sentences and "A–B" compounds count more.
 */
export function weighCountries(ctx: DocumentContext, levelSentences: ReadonlySet<Sentence>): Map<string, number> {
  const w = new Map<string, number>();
  const add = (c: string, x: number) => w.set(c, (w.get(c) ?? 0) + x);
  const first = ctx.sentences[0];
  for (const s of ctx.sentences) {
    const ms = countriesIn(ctx, s.start, s.end);
    const factor = (s === first ? 2 : 1) + (levelSentences.has(s) ? 1 : 0);
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i];
      if (m === undefined) continue;
      add(m.country, (m.demonym ? 0.5 : 1) * factor);
      const next = ms[i + 1];
      if (next !== undefined && next.country !== m.country) {
        const between = ctx.folded.lower.slice(m.end, next.start);
        if (/^\s*(?:[-–—]|and|&|va)\s*(?:the\s+)?$/.test(between)) {
          add(m.country, 2);
          add(next.country, 2);
        }
      }
    }
  }
  return w;
}
