/**
 * A gazetteer lookup that costs one map probe per capitalised word: entries
 * are filed under their first word, and a hit is confirmed by comparing the
 * accent-free lower-case text in place. Longest entry wins.
 */
export interface PhraseHit<T> {
  start: number;
  end: number;
  payload: T;
}

interface Entry<T> {
  phrase: string;
  /** When set, the text must spell the phrase with exactly this case (US, UK). */
  exact: string | null;
  payload: T;
}

const WORD = /[a-z0-9]+/y;

export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();

  /** Adds a phrase (any case, accents allowed); `exactCase` keeps all-capital abbreviations case-sensitive. */
  add(phrase: string, payload: T, exactCase = false): void {
    const folded = foldPhrase(phrase);
    const first = /^[a-z0-9]+/.exec(folded)?.[0];
    if (first === undefined) return;
    const exact = exactCase ? stripAccents(phrase) : null;
    const list = this.byFirst.get(first) ?? [];
    if (list.some((e) => e.phrase === folded && e.exact === exact)) return;
    list.push({ phrase: folded, exact, payload });
    list.sort((a, b) => b.phrase.length - a.phrase.length);
    this.byFirst.set(first, list);
  }

  /** The longest entry that starts at `pos` (a word start) in the folded texts. */
  matchAt(lower: string, plain: string, pos: number): PhraseHit<T> | null {
    WORD.lastIndex = pos;
    const w = WORD.exec(lower);
    if (w === null) return null;
    const list = this.byFirst.get(w[0]);
    if (list === undefined) return null;
    for (const e of list) {
      if (!lower.startsWith(e.phrase, pos)) continue;
      const end = pos + e.phrase.length;
      if (isWordChar(lower.charCodeAt(end)) && isWordChar(lower.charCodeAt(end - 1))) continue;
      if (e.exact !== null && !plain.startsWith(e.exact, pos)) continue;
      return { start: pos, end, payload: e.payload };
    }
    return null;
  }

  /**
   * Every hit in `[from, to)` that starts at a capitalised word; hits do not
   * overlap.
   */
  scanCapitalised(lower: string, plain: string, from: number, to: number): Array<PhraseHit<T>> {
    const out: Array<PhraseHit<T>> = [];
    CAPITAL.lastIndex = from;
    for (let m = CAPITAL.exec(plain); m !== null && m.index < to; m = CAPITAL.exec(plain)) {
      const hit = this.matchAt(lower, plain, m.index);
      if (hit !== null && hit.end <= to) {
        out.push(hit);
        CAPITAL.lastIndex = hit.end;
      }
    }
    return out;
  }
}

const CAPITAL = /(?<![A-Za-z0-9])[A-Z]/g;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

function stripAccents(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** Accent-free lower-case form of a gazetteer phrase, with straight apostrophes. */
export function foldPhrase(s: string): string {
  return stripAccents(s).toLowerCase().replace(/’/g, "'");
}
