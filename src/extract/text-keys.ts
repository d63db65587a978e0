import { foldKey } from "./fold.ts";

/**
 * Word-level keys for comparing phrases across sources: accent-free,
 * US/UK spelling unified, stemmed to a 6-character prefix. Crude, but it
 * makes "defense"/"defence", "mobilize"/"mobilising", "economy"/"economic"
 * meet, and it costs nothing.
 */

const STOP = new Set(
  (
    "a an the and or of to in on for with by at from as into onto over under about through within between among " +
    "its their his her our this that these those which who whom whose it they them he she we you both two sides side " +
    "also further more most very well such other others all each every any some many much new key major " +
    "is are was were be been being has have had do does did will would shall should can could may might must " +
    "not no than then there here while where when so thus thereby including include includes especially particularly " +
    "notably like s us uk vs per via upon across toward towards"
  ).split(" "),
);

/** Words that carry no concrete object: a commitment made only of these is a general hope. */
const GENERIC = new Set(
  (
    "cooperation cooperate cooperating collaboration collaborate ties relations relationship partnership partnerships " +
    "bilateral comprehensive strategic mutual mutually benefit benefits development develop peace stability prosperity " +
    "friendship trust understanding region regional world global international area areas field fields sector sectors " +
    "continue continued work working together effectively effective actively efforts effort results outcome outcomes " +
    "deals deal agreed agreements frameworks framework mechanisms existing previously enhance enhancing enhanced " +
    "strengthen strengthening promote promoting deepen deepening boost boosting expand expanding diversify " +
    "maintain maintaining need importance level levels potential opportunities substantive practical sustainable " +
    "country countries nations nation people spirit vision coming time future way ways carry out implement " +
    "implementing implementation step up independence sovereignty territorial integrity respect respecting " +
    "solidarity equality contribute contributing contribution regions world foundation solid deeper minister added " +
    "viet nam vietnam vietnamese"
  ).split(" "),
);

const SPELLING: Array<[RegExp, string]> = [
  [/^defense/, "defence"],
  [/^center/, "centre"],
  [/^labor/, "labour"],
  [/^program(?!me)/, "programme"],
  [/iz(e|es|ed|ing|ation|ations)$/, "is$1"],
  [/yz(e|es|ed|ing)$/, "ys$1"],
];

/** The comparison stem of one accent-free lower-case word. */
export function stem(word: string): string {
  let w = word;
  for (const [re, rep] of SPELLING) w = w.replace(re, rep);
  return w.length > 6 ? w.slice(0, 6) : w;
}

/** Stems of the content words of a phrase (stop words dropped), in order. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of foldKey(text).split(" ")) {
    if (w === "" || STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Stems of the words that name something concrete: neither stop words nor generic partnership vocabulary. */
export function specificStems(text: string): string[] {
  const out: string[] = [];
  for (const w of foldKey(text).split(" ")) {
    if (w === "" || STOP.has(w) || GENERIC.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Overlap of two stem sets relative to the smaller one (0..1). */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.min(a.size, b.size);
}

/** Jaccard similarity of two stem sets (0..1). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
}
