/**
 * Sentence segmentation that keeps offsets. Works on the accent-free,
 * case-kept text (same indices as the raw text, or mapped by `fold.ts`).
 * Every line break ends a sentence (articles put one paragraph per line,
 * and HTML block tags become line breaks); inside a line, a full stop, "!"
 * or "?" ends one unless it closes an abbreviation ("Oct. 29", "U.K. Government").
 */
export interface Sentence {
  /** Index into the folded text, inclusive. */
  start: number;
  /** Index into the folded text, exclusive. */
  end: number;
  /** The line began with a bullet (•, -, *, ▪). */
  bullet: boolean;
  /** The sentence is the first on its line. */
  lineStart: boolean;
}

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof st jr sr no nos vol gen lt col sgt capt gov sen rep jan feb mar apr jun jul aug sep sept oct " +
    "nov dec vs etc e.g i.e inc ltd co corp approx fig dept est govt h.e u.s u.k u.n p.m a.m"
  ).split(" "),
);

const BULLET = /^[•▪◦●‣∙·*\-–—]\s*/;

/** Splits text into sentences; whitespace around each is trimmed. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    splitLine(text, lineStart, lineEnd, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

const END = /[.!?…]+["'”’)\]]*(?=\s|$)/g;

function splitLine(text: string, from: number, to: number, out: Sentence[]): void {
  let s = from;
  while (s < to && isSpace(text.charCodeAt(s))) s++;
  if (s >= to) return;
  const bulletMatch = BULLET.exec(text.slice(s, Math.min(to, s + 4)));
  const bullet = bulletMatch !== null && (bulletMatch[0].length > 1 || text.charAt(s) === "•");
  let first = true;
  const line = text.slice(from, to);
  END.lastIndex = 0;
  let m: RegExpExecArray | null = END.exec(line);
  while (m !== null) {
    const dot = from + m.index;
    const after = dot + m[0].length;
    if (isBoundary(text, s, dot, after, to)) {
      push(out, text, s, after, bullet && first, first);
      first = false;
      s = after;
    }
    m = END.exec(line);
  }
  push(out, text, s, to, bullet && first, first);
}

function isBoundary(text: string, sentenceStart: number, dot: number, after: number, lineEnd: number): boolean {
  let next = after;
  while (next < lineEnd && isSpace(text.charCodeAt(next))) next++;
  if (next >= lineEnd) return true;
  const c = text.charAt(next);
  if (c !== c.toUpperCase() || c === c.toLowerCase()) {
    // Lower-case or not a letter: a digit after "Oct." or "No." continues, other symbols end.
    if (!/[0-9“"‘'([•]/.test(c)) return false;
  }
  if (text.charAt(dot) !== ".") return true;
  let w = dot;
  while (w > sentenceStart && !isSpace(text.charCodeAt(w - 1)) && text.charAt(w - 1) !== "(") w--;
  const word = text.slice(w, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  if (/^(?:[a-z]\.)*[a-z]$/.test(word) && word.length <= 5) return false;
  return true;
}

function push(out: Sentence[], text: string, start: number, end: number, bullet: boolean, lineStart: boolean): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e, bullet, lineStart });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2009 || c === 0x200b || c === 0x3000;
}
