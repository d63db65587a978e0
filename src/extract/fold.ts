/**
 * Diacritic-insensitive text, kept aligned with the raw text so that every
 * match found in the folded form maps back to exact raw offsets.
 *
 * Folding: NFD, combining marks stripped, đ/Đ → d/D, lower-case. Precomposed
 * (NFC) input folds one code unit to one code unit, so offsets are identical;
 * only input that carries combining marks needs an offset map.
 */

const TABLE_SIZE = 0x2000;
const plainTable = new Uint16Array(TABLE_SIZE);
const lowerTable = new Uint16Array(TABLE_SIZE);
for (let u = 0; u < TABLE_SIZE; u++) {
  const ch = String.fromCharCode(u);
  let base = u >= 0xd800 && u <= 0xdfff ? ch : ch.normalize("NFD").charAt(0);
  if (base === "đ") base = "d";
  else if (base === "Đ") base = "D";
  else if (base === "ı") base = "i";
  plainTable[u] = base.charCodeAt(0);
  const low = base.toLowerCase();
  lowerTable[u] = low.length === 1 ? low.charCodeAt(0) : base.charCodeAt(0);
}

const isCombining = (u: number): boolean => u >= 0x300 && u <= 0x36f;

/** The raw text folded two ways, same length, with a map back to raw offsets. */
export interface FoldedText {
  /** Accents stripped, case kept: for capitalisation tests. */
  plain: string;
  /** Accents stripped and lower-cased: for matching. */
  lower: string;
  /** `map[i]` is the raw offset of folded index i; absent when the two are identical. */
  map: Int32Array | null;
  rawLength: number;
}

const utf16 = new TextDecoder("utf-16le");

function fromCodes(codes: Uint16Array, length: number): string {
  return utf16.decode(codes.subarray(0, length));
}

/** Folds a raw text for matching while keeping the way back to raw offsets. */
export function foldText(raw: string): FoldedText {
  const hasMarks = /[\u0300-\u036f]/.test(raw);
  const length = raw.length;
  const plainCodes = new Uint16Array(length);
  const lowerCodes = new Uint16Array(length);
  if (!hasMarks) {
    // The common case: one code unit in, one out; ASCII needs no table.
    for (let i = 0; i < length; i++) {
      const u = raw.charCodeAt(i);
      if (u < 128) {
        plainCodes[i] = u;
        lowerCodes[i] = u >= 65 && u <= 90 ? u + 32 : u;
      } else if (u < TABLE_SIZE) {
        plainCodes[i] = plainTable[u] ?? u;
        lowerCodes[i] = lowerTable[u] ?? u;
      } else {
        plainCodes[i] = u;
        lowerCodes[i] = u;
      }
    }
    return { plain: fromCodes(plainCodes, length), lower: fromCodes(lowerCodes, length), map: null, rawLength: length };
  }
  const map = new Int32Array(length + 1);
  let n = 0;
  for (let i = 0; i < length; i++) {
    const u = raw.charCodeAt(i);
    if (isCombining(u)) continue;
    map[n] = i;
    plainCodes[n] = u < TABLE_SIZE ? (plainTable[u] ?? u) : u;
    lowerCodes[n] = u < TABLE_SIZE ? (lowerTable[u] ?? u) : u;
    n++;
  }
  map[n] = length;
  return { plain: fromCodes(plainCodes, n), lower: fromCodes(lowerCodes, n), map, rawLength: length };
}

/** Raw offset of a folded start index. */
export function rawStart(f: FoldedText, i: number): number {
  return f.map === null ? i : (f.map[i] ?? f.rawLength);
}

/** Raw offset of a folded end index (exclusive), including trailing combining marks. */
export function rawEnd(f: FoldedText, i: number): number {
  if (f.map === null) return i;
  if (i <= 0) return 0;
  return f.map[i] ?? f.rawLength;
}

/**
 * The comparison key for names and phrases: diacritics removed, lower-case,
 * punctuation turned into single spaces.
 *
 * @example foldKey("Tô Lâm") === foldKey("To Lam") // "to lam"
 */
export function foldKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Removes diacritics but keeps case and punctuation ("Tô Lâm" → "To Lam"). */
export function stripDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}
