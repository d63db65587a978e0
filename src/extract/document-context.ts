import type { Citation, Language } from "./digest-schema.ts";
import { type DateMention, findDates, formatPartialDate, weekdayOnOrBefore } from "./dates.ts";
import { type FoldedText, foldText, rawEnd, rawStart } from "./fold.ts";
import { COUNTRY_GAZETTEER } from "./gazetteer/countries.ts";
import { detectLanguage } from "./language.ts";
import { PhraseIndex } from "./phrase-index.ts";
import { markupSpans, prepareText } from "./prepare-text.ts";
import { type Sentence, splitSentences } from "./segment.ts";
import type { SourceDocument, SourceFormat } from "./source-document.ts";

/** A country named in a text: by name ("Australia") or by demonym ("Australian"). */
export interface CountryMention {
  start: number;
  end: number;
  country: string;
  demonym: boolean;
}

/**
 * One source prepared for the rules: folded text, sentences, country
 * mentions and the document date. Rules read it and never change it; all
 * indices are folded-text indices until `cite` turns them into raw offsets.
 */
export interface DocumentContext {
  id: string;
  raw: string;
  /** The raw text with markup blanked out (same length): names and quotes of items are read from it. */
  prepared: string;
  format: SourceFormat;
  folded: FoldedText;
  language: Language;
  sentences: Sentence[];
  countries: CountryMention[];
  /** Publication date from the caller or a date line at the top of the text. */
  date: string | null;
  title: string | null;
  markup: Array<[number, number]>;
}

const isAbbreviation = (n: string): boolean => /^[A-Z.]+$/.test(n) && n.length <= 6;

interface CountryPayload {
  country: string;
  demonym: boolean;
  /** Short Vietnamese names ("Bỉ", "Úc") only count when spelt with their diacritics ("Bí thư" is no Belgium). */
  spelling?: string;
}

const countryIndex = new PhraseIndex<CountryPayload>();
const viCountryIndex = new PhraseIndex<CountryPayload>();

function sameSpelling(prepared: string, folded: FoldedText, start: number, end: number, spelling: string): boolean {
  return prepared.slice(rawStart(folded, start), rawEnd(folded, end)).normalize("NFC").toLowerCase() === spelling;
}
for (const c of COUNTRY_GAZETTEER) {
  for (const n of c.names) {
    countryIndex.add(n, { country: c.name, demonym: false }, isAbbreviation(n));
    viCountryIndex.add(n, { country: c.name, demonym: false }, isAbbreviation(n));
  }
  for (const d of c.demonyms) countryIndex.add(d, { country: c.name, demonym: true });
  for (const n of c.viNames) {
    const short = n.length <= 4 && !n.includes(" ");
    viCountryIndex.add(n, {
      country: c.name,
      demonym: false,
      ...(short ? { spelling: n.normalize("NFC").toLowerCase() } : {}),
    });
    // Short Vietnamese names ("Anh", "Mỹ", "Nga") are ordinary words or names in English texts.
    if (n.length > 4 && (n.includes(" ") || /[^ -~]/.test(n))) countryIndex.add(n, { country: c.name, demonym: false });
  }
}

/** Prepares one source document for the rules. */
export function createDocumentContext(doc: SourceDocument): DocumentContext {
  const format = doc.format ?? "txt";
  const prepared = prepareText(doc.text, format);
  const folded = foldText(prepared);
  const language = detectLanguage(prepared);
  const sentences = splitSentences(folded.plain);
  const index = language === "vi" ? viCountryIndex : countryIndex;
  const countries = index
    .scanCapitalised(folded.lower, folded.plain, 0, folded.plain.length)
    .filter(
      (h) => h.payload.spelling === undefined || sameSpelling(prepared, folded, h.start, h.end, h.payload.spelling),
    )
    .map((h) => ({ start: h.start, end: h.end, country: h.payload.country, demonym: h.payload.demonym }));
  const ctx: DocumentContext = {
    id: doc.id,
    raw: doc.text,
    prepared,
    format,
    folded,
    language,
    sentences,
    countries,
    date: validDate(doc.date) ?? null,
    title: doc.title ?? null,
    markup: markupSpans(doc.text, format),
  };
  if (ctx.date === null) ctx.date = findDocumentDate(ctx);
  if (ctx.title === null) ctx.title = findTitle(ctx);
  return ctx;
}

function validDate(s: string | undefined): string | undefined {
  return s !== undefined && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s) ? s : undefined;
}

/** A complete date in the first lines (a date line or a dateline) is the publication date. */
function findDocumentDate(ctx: DocumentContext): string | null {
  const head = Math.min(ctx.folded.lower.length, 400);
  for (const d of findDates(ctx.folded.lower, ctx.folded.plain, 0, head)) {
    if (d.year !== null && d.month !== null && d.day !== null) return formatPartialDate(d.year, d.month, d.day);
  }
  return null;
}

function findTitle(ctx: DocumentContext): string | null {
  const first = ctx.sentences[0];
  if (first === undefined || !first.lineStart) return null;
  const text = ctx.raw.slice(rawStart(ctx.folded, first.start), rawEnd(ctx.folded, first.end)).trim();
  if (text.length === 0 || text.length > 200 || /^date\b/i.test(text)) return null;
  return text.replace(/\s+/g, " ");
}

/** The folded text of a span, case kept. */
export const plainOf = (ctx: DocumentContext, start: number, end: number): string => ctx.folded.plain.slice(start, end);

/** The folded text of a span, lower-case. */
export const lowerOf = (ctx: DocumentContext, start: number, end: number): string => ctx.folded.lower.slice(start, end);

/** The raw text of a span (original spelling, diacritics kept), whitespace collapsed. */
export function rawOf(ctx: DocumentContext, start: number, end: number): string {
  return ctx.prepared
    .slice(rawStart(ctx.folded, start), rawEnd(ctx.folded, end))
    .replace(ctx.format === "md" ? /\*\*|__|\*/g : /(?!)/g, "")
    .replace(/\s+/g, " ")
    .replace(/(\S[–—])\s(?=\S)/g, "$1")
    .trim();
}

/** Country mentions inside a span, in order. */
export function countriesIn(ctx: DocumentContext, start: number, end: number): CountryMention[] {
  const list = ctx.countries;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid];
    if (m !== undefined && m.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: CountryMention[] = [];
  for (let i = lo; i < list.length; i++) {
    const m = list[i];
    if (m === undefined || m.start >= end) break;
    if (m.end <= end) out.push(m);
  }
  return out;
}

const MAX_CITATION = 800;

/**
 * A citation of the folded span `[start, end)`: raw offsets, the quote, no
 * surrounding whitespace, no HTML tag inside, at most 800 characters (cut
 * around `anchor` when longer).
 */
export function cite(ctx: DocumentContext, start: number, end: number, anchor?: [number, number]): Citation {
  let s = rawStart(ctx.folded, start);
  let e = rawEnd(ctx.folded, end);
  const a: [number, number] =
    anchor === undefined ? [s, e] : [rawStart(ctx.folded, anchor[0]), rawEnd(ctx.folded, anchor[1])];
  if (ctx.markup.length > 0) [s, e] = tagFreeSegment(ctx.markup, s, e, a);
  if (e - s > MAX_CITATION) {
    const mid = Math.floor((a[0] + a[1]) / 2);
    s = Math.max(s, Math.min(a[0], mid - MAX_CITATION / 2));
    e = Math.min(e, s + MAX_CITATION);
  }
  while (s < e && /\s/.test(ctx.raw.charAt(s))) s++;
  while (e > s && /\s/.test(ctx.raw.charAt(e - 1))) e--;
  if (e <= s) {
    s = Math.max(0, Math.min(a[0], ctx.raw.length - 1));
    e = Math.min(ctx.raw.length, Math.max(s + 1, a[1]));
  }
  return { source: ctx.id, start: s, end: e, quote: ctx.raw.slice(s, e) };
}

/**
 * The longest stretch of `[s, e)` that crosses no HTML tag, among those that
 * overlap the anchor most: a quote never shows markup.
 */
function tagFreeSegment(
  markup: Array<[number, number]>,
  s: number,
  e: number,
  anchor: [number, number],
): [number, number] {
  const segments: Array<[number, number]> = [];
  let from = s;
  for (const [ms, me] of markup) {
    if (me <= from || ms >= e) continue;
    if (ms > from) segments.push([from, ms]);
    from = Math.max(from, me);
  }
  if (from < e) segments.push([from, e]);
  let best: [number, number] = [s, e];
  let bestScore = -1;
  for (const [x, y] of segments) {
    const overlapWithAnchor = Math.max(0, Math.min(y, anchor[1]) - Math.max(x, anchor[0]));
    // The anchor's end holds the item's key words (a person's name after the title): prefer the stretch with it.
    const holdsEnd = x < anchor[1] && anchor[1] <= y ? 1 : 0;
    const score = holdsEnd * 1e12 + overlapWithAnchor * 1_000_000 + (y - x);
    if (score > bestScore) {
      bestScore = score;
      best = [x, y];
    }
  }
  return best;
}

/** A date mention as a partial date, using the document date for weekdays and missing years. */
export function resolveDate(ctx: DocumentContext, d: DateMention, fallbackYear: number | null): string | null {
  if (d.weekday !== null) {
    if (ctx.date === null || ctx.date.length !== 10) return null;
    return weekdayOnOrBefore(ctx.date, d.weekday);
  }
  const year = d.year ?? (ctx.date !== null ? Number(ctx.date.slice(0, 4)) : fallbackYear);
  if (year === null) return null;
  return formatPartialDate(year, d.month, d.day);
}
