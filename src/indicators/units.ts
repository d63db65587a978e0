/**
 * Units an observation may carry. Money is "<ISO currency>" optionally scaled
 * ("USD billion", "GBP million"); other quantities come from a fixed list so
 * a typo ("studnets") is caught at import instead of splitting a series.
 */
export const CURRENCIES = ["USD", "GBP", "EUR", "AUD", "JPY", "KRW", "CNY", "SGD", "INR", "VND", "CAD", "NZD"] as const;
/** Scale words after a currency, with their canonical name and multiplier. */
const SCALES: Record<string, readonly [string, number]> = {
  "": ["", 1],
  thousand: ["thousand", 1e3],
  million: ["million", 1e6],
  m: ["million", 1e6],
  billion: ["billion", 1e9],
  bn: ["billion", 1e9],
};
export const PLAIN_UNITS = [
  "percent",
  "count",
  "people",
  "students",
  "scholarships",
  "projects",
  "visitors",
  "flights",
  "rank",
  "tonnes",
  "MtCO2e",
  "MW",
  "GW",
  "TWh",
] as const;

export interface Unit {
  /** Canonical spelling. */
  name: string;
  currency: string | null;
  /** Multiplier to the base unit (1 for plain units, 1e6 for "USD million"). */
  scale: number;
}

export function parseUnit(raw: string): Unit | null {
  const s = raw.trim().replace(/\s+/g, " ");
  const plain = PLAIN_UNITS.find((u) => u.toLowerCase() === s.toLowerCase());
  if (plain) return { name: plain, currency: null, scale: 1 };
  const m = /^([A-Za-z]{3})(?: (thousand|million|billion|bn|m))?$/.exec(s);
  if (!m?.[1]) return null;
  const currency = m[1].toUpperCase();
  if (!CURRENCIES.some((c) => c === currency)) return null;
  const scale = SCALES[m[2]?.toLowerCase() ?? ""];
  if (!scale) return null;
  const [word, factor] = scale;
  return { name: word ? `${currency} ${word}` : currency, currency, scale: factor };
}

export const KNOWN_UNITS_HELP = `a currency (${CURRENCIES.join(", ")}) optionally followed by thousand/million/billion, or one of: ${PLAIN_UNITS.join(", ")}`;
