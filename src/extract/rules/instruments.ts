import type { Citation } from "../digest-schema.ts";
import { type DocumentContext, cite, countriesIn, rawOf } from "../document-context.ts";
import type { InstrumentFinding } from "../findings.ts";
import { INSTRUMENT_HEADS, KNOWN_INSTRUMENTS } from "../gazetteer/instruments.ts";
import { LEVELS } from "../gazetteer/levels.ts";
import { foldKey } from "../fold.ts";
import type { Sentence } from "../segment.ts";
import { isAcronym, type Token, tokenize } from "../tokens.ts";

const CONNECTORS = new Set(["of", "on", "for", "and", "&", "-", "–", "—", "the", "to"]);
const LEVEL_KEYS = new Set(LEVELS.flatMap((l) => l.forms.map(foldKey)));
const KNOWN_BY_ALIAS = new Map<string, (typeof KNOWN_INSTRUMENTS)[number]>();
for (const k of KNOWN_INSTRUMENTS) {
  KNOWN_BY_ALIAS.set(foldKey(k.name), k);
  for (const a of k.aliases) KNOWN_BY_ALIAS.set(foldKey(a), k);
}
/** Instrument heads allowed at the end of a capitalised name (organisations like councils excluded). */
const HEADS = INSTRUMENT_HEADS.filter(
  (h) =>
    !["forum", "council", "committee", "commission", "project", "statement", "declaration", "plan"].includes(
      h.words.join(" "),
    ) || h.words.length > 1,
);

function headAt(tokens: Token[], i: number): { length: number; kind: string } | null {
  for (const h of HEADS) {
    let ok = true;
    let j = i;
    for (const w of h.words) {
      while (tokens[j]?.low === "-") j++;
      if (tokens[j]?.low !== w) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok) return { length: j - i, kind: h.kind };
  }
  return null;
}

/** A sentence in title case (a headline) carries capitalised words that are not names. */
function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.word && t.low.length > 3);
  if (words.length < 4) return false;
  return words.filter((t) => t.cap).length / words.length > 0.7;
}

const STATUS_SIGNED =
  /\b(signed|inked|concluded|exchanged|witnessed the signing|adopted|issued|launched|established|renew\w*)\b/;
const STATUS_PLANNED =
  /\b(will|to establish|to develop|to launch|development of|plan(?:s|ned)? to|negotiat\w*|toward\w*)\b/;
const STATUS_IN_FORCE =
  /\b(existing|in force|implement\w*|under the framework|within the framework|took effect|entered into force)\b/;

function statusOf(lower: string): string | null {
  if (STATUS_SIGNED.test(lower)) return "signed";
  if (STATUS_PLANNED.test(lower)) return "planned";
  if (STATUS_IN_FORCE.test(lower)) return "in force";
  return null;
}

/**
 * Finds named instruments in one sentence: capitalised names that carry an
 * agreement head ("Paris Agreement", "Free Trade Agreement (UKVFTA)"),
 * lower-case names after a country pair ("Viet Nam–Australia clean energy
 * partnership"), "memorandum of understanding on …", agreements "between A
 * and B", joint declarations and action plans, and acronyms defined in
 * brackets. Also records acronyms used alone.
 */
export function findInstruments(
  ctx: DocumentContext,
  s: Sentence,
  out: InstrumentFinding[],
  acronyms: Map<string, Citation>,
): void {
  const { plain, lower } = ctx.folded;
  const tokens = tokenize(plain, lower, s.start, s.end);
  const sentenceLower = lower.slice(s.start, s.end);
  const status = statusOf(sentenceLower);
  const found: Array<{ start: number; end: number; finding: InstrumentFinding }> = [];
  const add = (start: number, end: number, name: string, kind: string, aliases: string[] = []) => {
    if (found.some((f) => start < f.end && end > f.start)) return;
    const clean = name
      .replace(/^(?:the|a|an|its|their)\s+/i, "")
      .replace(/\s+/g, " ")
      .trim();
    const key = foldKey(stripCountries(clean));
    if (key.length < 3 || LEVEL_KEYS.has(key) || LEVEL_KEYS.has(key.replace(/ (?:framework|for [a-z ]+)$/, ""))) return;
    const known = KNOWN_BY_ALIAS.get(foldKey(clean));
    const finding: InstrumentFinding = {
      name: clean,
      aliases: [...aliases, ...(known !== undefined ? [known.name, ...known.aliases] : [])].filter((a) => a !== clean),
      kind: known?.kind ?? kind,
      status,
      citation: cite(ctx, s.start, s.end, [start, end]),
    };
    found.push({ start, end, finding });
  };

  if (!isTitleCase(tokens)) findCapitalisedNames(ctx, tokens, add);
  findPairNames(ctx, s, tokens, add);
  findBetween(ctx, s, add);
  findLowerCaseDocuments(ctx, s, add);
  if (ctx.language === "vi") findVietnameseNames(ctx, s, add);

  // Acronyms: defined in brackets right after a name, or used alone.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || !t.word || !isAcronym(plain, t)) continue;
    const acronym = plain.slice(t.start, t.end);
    const open = tokens[i - 1];
    const close = tokens[i + 1];
    const yearThenClose = close !== undefined && /^\d{4}$/.test(close.low) && tokens[i + 2]?.low === ")";
    if (open?.low === "(" && (close?.low === ")" || yearThenClose)) {
      const full = yearThenClose && close !== undefined ? `${acronym} ${close.low}` : acronym;
      const owner = found.find((f) => Math.abs(f.end - open.start) <= 2);
      if (owner !== undefined) {
        owner.finding.aliases.push(full);
        if (full !== acronym) owner.finding.aliases.push(acronym);
        continue;
      }
    }
    if (found.some((f) => t.start >= f.start && t.end <= f.end)) continue;
    if (!acronyms.has(acronym)) acronyms.set(acronym, cite(ctx, s.start, s.end, [t.start, t.end]));
    const known = KNOWN_BY_ALIAS.get(foldKey(acronym));
    if (known !== undefined) add(t.start, t.end, acronym, known.kind);
  }
  for (const f of found) out.push(f.finding);
}

type Add = (start: number, end: number, name: string, kind: string, aliases?: string[]) => void;

function findCapitalisedNames(ctx: DocumentContext, tokens: Token[], add: Add): void {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t === undefined || !t.word || !(t.cap || /^\d{4}$/.test(t.low))) {
      i++;
      continue;
    }
    // A run of capitalised words joined by connectors; "the" only after of/on/for ("Law of the Sea").
    let j = i;
    let lastCap = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1];
      if (n === undefined) break;
      if (n.word && n.cap) {
        j++;
        lastCap = j;
        continue;
      }
      if (CONNECTORS.has(n.low)) {
        const prev = tokens[j];
        if (n.low === "the" && !["of", "on", "for"].includes(prev?.low ?? "")) break;
        if (n.low === "to" && prev?.low !== "-") break;
        // "… Partnership on Thursday", "… in Canberra on 7 March": a date is no part of a name.
        if (
          n.low === "on" &&
          /^(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.test(
            tokens[j + 2]?.low ?? "",
          )
        )
          break;
        j++;
        continue;
      }
      break;
    }
    let head: { at: number; length: number; kind: string } | null = null;
    for (let k = i; k <= lastCap; k++) {
      const h = headAt(tokens, k);
      if (h !== null && tokens[k]?.cap) head = { at: k, ...h };
    }
    if (head !== null && lastCap > i) {
      let first = i;
      // A lower-case qualifier before a memorandum belongs to it ("educational Memorandums of Understanding").
      const before = tokens[i - 1];
      if (
        head.kind === "memorandum of understanding" &&
        head.at === i &&
        before !== undefined &&
        /^[a-z]+(al|ic|ive|ary|ion)$/.test(before.low)
      )
        first = i - 1;
      let end = tokens[lastCap]?.end ?? 0;
      const lastHeadToken = head.at + head.length - 1;
      // "Memorandum of Understanding on science and technology": a lower-case subject completes the name.
      if (
        lastHeadToken === lastCap &&
        ["memorandum of understanding", "agreement", "investment agreement", "protocol"].includes(head.kind)
      ) {
        end = extendSubject(tokens, lastCap, end);
      }
      const startTok = tokens[first];
      if (startTok !== undefined) {
        const name = rawOf(ctx, startTok.start, end);
        if (!/^\p{Lu}/u.test(name) || name.split(/\s+/).length >= 2) add(startTok.start, end, name, head.kind);
      }
    }
    i = Math.max(j, i) + 1;
  }
}

function extendSubject(tokens: Token[], last: number, end: number): number {
  const next = tokens[last + 1];
  if (next === undefined || !["on", "for", "in"].includes(next.low)) return end;
  let e = end;
  let words = 0;
  for (let k = last + 2; k < tokens.length && words < 12; k++) {
    const t = tokens[k];
    if (t === undefined) break;
    if (t.word) {
      if (["which", "while", "that", "to", "between", "signed", "with"].includes(t.low)) break;
      words++;
      e = t.end;
      continue;
    }
    if (t.low === "," && tokens[k + 1]?.word) continue;
    break;
  }
  return words > 0 ? e : end;
}

function findPairNames(ctx: DocumentContext, s: Sentence, tokens: Token[], add: Add): void {
  const ms = countriesIn(ctx, s.start, s.end);
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    if (a === undefined || b === undefined) continue;
    if (!/^\s*[-–—]\s*$/.test(ctx.folded.lower.slice(a.end, b.start))) continue;
    let k = tokens.findIndex((t) => t.start >= b.end);
    if (k < 0) continue;
    const startK = k;
    let headEnd = -1;
    let kind = "";
    while (k < tokens.length && k - startK < 7) {
      const t = tokens[k];
      if (t === undefined || !t.word || t.cap) break;
      const h = headAt(tokens, k);
      if (h !== null) {
        headEnd = tokens[k + h.length - 1]?.end ?? -1;
        kind = h.kind;
        break;
      }
      k++;
    }
    if (headEnd < 0 || k === startK) continue;
    add(a.start, headEnd, rawOf(ctx, a.start, headEnd), kind);
  }
}

const BETWEEN =
  /\b((?:research |cooperation |strategic )?(?:partnership|collaboration|agreement|memorandum of understanding|mou|joint venture|alliance|programme|program)) between (?:the )?([A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|of|for|the|de))*) and (?:the )?([A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|of|for|the))*)(?: (?:on|in|for) ([^;.(),]{3,120}?))?(?=[;.(),]|$)/g;

function findBetween(ctx: DocumentContext, s: Sentence, add: Add): void {
  const plain = ctx.folded.plain.slice(s.start, s.end);
  BETWEEN.lastIndex = 0;
  for (let m = BETWEEN.exec(plain); m !== null; m = BETWEEN.exec(plain)) {
    const a = m[2] ?? "";
    const start = s.start + m.index;
    const aStart = start + m[0].indexOf(a);
    // Between two countries it is the partnership itself, not an instrument.
    if (
      countriesIn(ctx, aStart, aStart + a.length).length > 0 &&
      countriesIn(ctx, aStart + a.length, start + m[0].length).length > 0
    )
      continue;
    if (countriesIn(ctx, aStart, aStart + a.length).some((c) => c.start === aStart && c.end === aStart + a.length))
      continue;
    add(
      start,
      start + m[0].length,
      rawOf(ctx, start, start + m[0].length),
      (m[1] ?? "").includes("agreement") ? "agreement" : "partnership programme",
    );
  }
}

const LOWER_DOCS =
  /\b(joint (?:vision )?(?:declaration|statement|communique)|joint action plan|action plan|plan of action|programme of action|memorand(?:um|a|ums) of understanding|mous?)\b/g;

function findLowerCaseDocuments(ctx: DocumentContext, s: Sentence, add: Add): void {
  const lower = ctx.folded.lower.slice(s.start, s.end);
  LOWER_DOCS.lastIndex = 0;
  for (let m = LOWER_DOCS.exec(lower); m !== null; m = LOWER_DOCS.exec(lower)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    const surface = ctx.folded.plain.slice(start, end);
    if (surface !== surface.toLowerCase() && !/^MoUs?$/.test(surface)) continue;
    const phrase = m[1] ?? "";
    if (phrase.startsWith("memorand") || phrase.startsWith("mou")) {
      const tail = /^ (?:on|in|for) ([a-z][a-z ,-]{2,80}?)(?=[.;:()]|, (?:and|which|while)|$)/.exec(
        lower.slice(m.index + m[0].length),
      );
      const before = /([a-z]+(?:al|ic|ive|ary)) $/.exec(lower.slice(Math.max(0, m.index - 20), m.index));
      if (tail === null && before === null) continue;
      const s0 = before !== null ? start - (before[1]?.length ?? 0) - 1 : start;
      const e0 = tail !== null ? end + tail[0].length : end;
      add(s0, e0, rawOf(ctx, s0, e0), "memorandum of understanding");
      continue;
    }
    add(start, end, titleCase(phrase), phrase.includes("plan") ? "action plan" : "joint statement");
  }
}

function titleCase(s: string): string {
  return s.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

const COUNTRY_WORDS =
  /^(?:(?:the\s+)?(?:U\.?K\.?|U\.?S\.?|EU|ASEAN|[A-Z][a-zA-Z\u00C0-\u1EF9]+(?:\s[A-Z][a-zA-Z\u00C0-\u1EF9]+)?)\s*[-–—]\s*)+/;

/** Removes a leading "A–B" pair ("UK–Viet Nam Free Trade Agreement" → "Free Trade Agreement") for comparison. */
export function stripCountries(name: string): string {
  return name.replace(COUNTRY_WORDS, "").replace(/^(?:the\s+)?(?:U\.?K\.?|U\.?S\.?)\s+(?=[A-Z])/, "");
}

const VI_HEADS: Array<[RegExp, string]> = [
  [/\btuyen bo chung\b/g, "joint statement"],
  [/\bke hoach hanh dong\b/g, "action plan"],
  [/\b(?:ban )?ghi nho\b/g, "memorandum of understanding"],
  [/\bhiep dinh\b/g, "agreement"],
  [/\bhiep uoc\b/g, "treaty"],
  [/\bcong uoc\b/g, "convention"],
];

/** Vietnamese names put the kind first: "Hiệp định Thương mại tự do …", "Tuyên bố chung". */
function findVietnameseNames(ctx: DocumentContext, s: Sentence, add: Add): void {
  const { lower, plain } = ctx.folded;
  const text = lower.slice(s.start, s.end);
  for (const [re, kind] of VI_HEADS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = s.start + m.index;
      if (plain.charAt(start) === plain.charAt(start).toLowerCase()) continue;
      // An agreement's name runs to the next bracket or punctuation ("Hiệp định Đối tác Toàn diện và Tiến bộ …");
      // "Tuyên bố chung" (joint statement) is complete as it stands.
      let end = start + m[0].length;
      if (kind !== "joint statement") {
        const rest = /^[^.,;:()]{0,100}/.exec(plain.slice(end, s.end));
        if (rest !== null) end += rest[0].trimEnd().length;
      }
      add(start, end, rawOf(ctx, start, end), kind);
    }
  }
}
