import { type DocumentContext, cite, countriesIn, rawOf } from "../document-context.ts";
import type { PersonFinding } from "../findings.ts";
import { VIETNAMESE_SURNAMES } from "../gazetteer/places.ts";
import { HONORIFICS, ORGANISATION_WORDS, PORTFOLIO_WORDS, TITLE_QUALIFIERS, TITLES } from "../gazetteer/titles.ts";
import { PhraseIndex } from "../phrase-index.ts";
import type { Sentence } from "../segment.ts";
import { isAcronym, type Token, tokenize } from "../tokens.ts";

const titleIndex = new PhraseIndex<string>();
for (const t of TITLES) titleIndex.add(t, t);
const TITLE_FIRST_WORDS = new Set(TITLES.map((t) => t.split(/[ -]/)[0] ?? ""));
const PM_ABBREVIATIONS = new Map([
  ["pm", "Prime Minister"],
  ["fm", "Foreign Minister"],
]);

/**
 * Finds people introduced by a title: "Prime Minister Keir Starmer",
 * "General Secretary of the Communist Party of Viet Nam Central Committee To
 * Lam", "Minister of Foreign Affairs Le Hoai Trung", "PM Starmer", "Mr
 * Albanese"; and "Name, the Title of Country" appositions. The role is the
 * title with its qualifiers ("former", "Deputy"); the country comes from a
 * country or demonym in the title ("British Prime Minister", "President of
 * France").
 */
export function findPeople(ctx: DocumentContext, s: Sentence, out: PersonFinding[]): void {
  const { plain, lower } = ctx.folded;
  const tokens = tokenize(plain, lower, s.start, s.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || !t.word || !t.cap) continue;
    let titleEnd: number;
    let title: string;
    const abbreviation = PM_ABBREVIATIONS.get(t.low);
    if (abbreviation !== undefined && plain.slice(t.start, t.end) === t.low.toUpperCase()) {
      titleEnd = i + 1;
      title = abbreviation;
    } else {
      if (!TITLE_FIRST_WORDS.has(t.low)) continue;
      const hit = titleIndex.matchAt(lower, plain, t.start);
      if (hit === null) continue;
      titleEnd = tokens.findIndex((x) => x.start >= hit.end);
      if (titleEnd < 0) continue;
      if (tokens[titleEnd]?.low === ".") titleEnd++;
      title = hit.payload;
    }
    const person = readName(ctx, tokens, titleEnd);
    if (person === null) continue;
    const roleStart = roleStartIndex(tokens, i);
    const firstRoleToken = tokens[roleStart];
    const lastRoleToken = tokens[person.first - 1];
    let role: string | null = null;
    if (firstRoleToken !== undefined && lastRoleToken !== undefined && !HONORIFICS.has(title)) {
      role = rawOf(ctx, firstRoleToken.start, lastRoleToken.end)
        .replace(/\s*\([^)]*\)\s*/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      if (abbreviation !== undefined) role = role.replace(/\b(PM|FM)\b/, abbreviation);
    }
    let back = i;
    while (back > 0 && i - back < 3 && tokens[back - 1]?.word === true) back--;
    const countryScope = tokens[back]?.start ?? t.start;
    let countries = countriesIn(ctx, countryScope, tokens[person.first]?.start ?? t.end).filter(
      (c) => c.end <= (tokens[person.first]?.start ?? t.end),
    );
    const after = tokens[person.last + 1];
    if (countries.length === 0 && after?.low === "of") {
      const next = tokens[person.last + 2]?.low === "the" ? tokens[person.last + 3] : tokens[person.last + 2];
      if (next !== undefined) countries = ctx.countries.filter((c) => c.start === next.start);
    }
    out.push({
      name: person.name,
      role,
      country: countries.length > 0 ? (countries[countries.length - 1]?.country ?? null) : null,
      vietnameseName: person.vietnamese,
      citation: cite(ctx, s.start, s.end, [t.start, tokens[person.last]?.end ?? t.end]),
    });
    i = person.last;
  }
}

/** Includes qualifiers and demonyms just before the title ("former", "Deputy", "British"). */
function roleStartIndex(tokens: Token[], titleIndexAt: number): number {
  let k = titleIndexAt;
  while (k > 0) {
    const prev = tokens[k - 1];
    if (prev === undefined || !prev.word) break;
    if (TITLE_QUALIFIERS.includes(prev.low) || prev.low === "deputy" || prev.low === "vice" || prev.low === "party") {
      k--;
      continue;
    }
    break;
  }
  return k;
}

interface NameSpan {
  name: string;
  first: number;
  last: number;
  vietnamese: boolean;
}

/**
 * After a title: skips a portfolio ("of Foreign Affairs") or an organisation
 * ("of the Communist Party of Viet Nam (CPV) Central Committee"), then takes
 * the trailing run of name-like capitalised words.
 */
function readName(ctx: DocumentContext, tokens: Token[], from: number): NameSpan | null {
  const direct: number[] = [];
  for (let k = from; k < tokens.length && direct.length < 5; k++) {
    const t = tokens[k];
    if (t === undefined || !isNameToken(ctx, t)) break;
    direct.push(k);
  }
  const afterDirect = tokens[from + direct.length];
  if (direct.length > 0 && direct.length <= 4 && (afterDirect === undefined || !afterDirect.word || !afterDirect.cap)) {
    const a = tokens[from];
    const b = tokens[from + direct.length - 1];
    if (a !== undefined && b !== undefined) {
      const name = rawOf(ctx, a.start, b.end);
      return {
        name,
        first: from,
        last: from + direct.length - 1,
        vietnamese: looksVietnamese(a.low, direct.length, name),
      };
    }
  }
  let k = from;
  let sawOf = false;
  const run: number[] = [];
  while (k < tokens.length) {
    const t = tokens[k];
    if (t === undefined) break;
    if (t.word && t.cap) {
      run.push(k);
      k++;
      continue;
    }
    if (t.word && (t.low === "of" || t.low === "for" || t.low === "the")) {
      if (t.low === "of" || t.low === "for") sawOf = true;
      if (!sawOf) break;
      k++;
      continue;
    }
    if (t.word && t.low === "and" && sawOf && tokens[k + 1]?.cap && !TITLE_FIRST_WORDS.has(tokens[k + 1]?.low ?? "")) {
      k++;
      continue;
    }
    if (!t.word && (t.low === "(" || t.low === ")") && sawOf) {
      k++;
      continue;
    }
    if (!t.word && (t.low === "-" || t.low === "–") && sawOf) {
      k++;
      continue;
    }
    break;
  }
  // The name is the trailing run of name-like tokens, contiguous (no connector between them).
  const nameTokens: number[] = [];
  for (let r = run.length - 1; r >= 0; r--) {
    const idx = run[r];
    if (idx === undefined) break;
    const t = tokens[idx];
    if (t === undefined) break;
    const nameLike = isNameToken(ctx, t);
    const previous = nameTokens[0];
    const contiguous = previous === undefined || previous === idx + 1;
    if (!nameLike || !contiguous) break;
    nameTokens.unshift(idx);
  }
  if (nameTokens.length === 0 || nameTokens.length > 4) return null;
  // Everything in the run before the name must belong to the title (portfolio or organisation words).
  const firstName = nameTokens[0];
  const lastName = nameTokens[nameTokens.length - 1];
  if (firstName === undefined || lastName === undefined) return null;
  if (run.length > nameTokens.length && !sawOf) {
    const beforeName = run.slice(0, run.length - nameTokens.length);
    if (
      !beforeName.every((idx) => {
        const t = tokens[idx];
        return (
          t !== undefined &&
          (PORTFOLIO_WORDS.has(t.low) ||
            ORGANISATION_WORDS.has(t.low) ||
            TITLE_FIRST_WORDS.has(t.low) ||
            isCountryToken(ctx, t))
        );
      })
    )
      return null;
  }
  const a = tokens[firstName];
  const b = tokens[lastName];
  if (a === undefined || b === undefined) return null;
  const name = rawOf(ctx, a.start, b.end);
  return { name, first: firstName, last: lastName, vietnamese: looksVietnamese(a.low, nameTokens.length, name) };
}

function looksVietnamese(family: string, words: number, name: string): boolean {
  return VIETNAMESE_SURNAMES.has(family) && (words >= 2 || /[^ -~]/.test(name));
}

const isCountryToken = (ctx: DocumentContext, t: Token): boolean =>
  ctx.countries.some((c) => c.start <= t.start && c.end >= t.end);

/** A capitalised word that can be part of a person's name: not an organisation, portfolio, country or acronym. */
function isNameToken(ctx: DocumentContext, t: Token): boolean {
  if (!t.word || !t.cap) return false;
  if (ORGANISATION_WORDS.has(t.low) || PORTFOLIO_WORDS.has(t.low) || TITLE_FIRST_WORDS.has(t.low)) return false;
  if (isAcronym(ctx.folded.plain, t) || isCountryToken(ctx, t)) return false;
  return /^[A-Z][a-z]+(?:['’][A-Z]?[a-z]+)?$|^(?:I|II|III|IV|V|X)$/.test(ctx.folded.plain.slice(t.start, t.end));
}
