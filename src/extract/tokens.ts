/**
 * Word and punctuation tokens of a span of the folded text. Hyphens and dashes
 * are tokens of their own, so "UK-Vietnam" is three tokens and both countries
 * are seen.
 */
export interface Token {
  start: number;
  end: number;
  /** Accent-free lower-case form. */
  low: string;
  /** Starts with a capital letter (or is an all-capital abbreviation). */
  cap: boolean;
  /** A word (letters or digits), not punctuation. */
  word: boolean;
}

const TOKEN = /(?:[A-Z]\.){2,}|[A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff]+(?:['’](?!s(?![A-Za-z]))[A-Za-z]+)?|[^\s]/g;

/** Tokens of `plain.slice(from, to)` with folded-text offsets. */
export function tokenize(plain: string, lower: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(plain); m !== null && m.index < to; m = TOKEN.exec(plain)) {
    const text = m[0];
    const start = m.index;
    const end = Math.min(to, start + text.length);
    const c = text.charCodeAt(0);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
    const cap = (c >= 65 && c <= 90) || (c >= 0xc0 && text.charAt(0) !== text.charAt(0).toLowerCase());
    out.push({ start, end, low: lower.slice(start, end), cap, word });
  }
  return out;
}

/** Whether a token is written in capitals throughout (an acronym such as CPTPP or MoUs). */
export function isAcronym(plain: string, t: Token): boolean {
  const s = plain.slice(t.start, t.end);
  return /^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$/.test(s) && (s.match(/[A-Z]/g)?.length ?? 0) >= 2 && s.length <= 12;
}
