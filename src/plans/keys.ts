import { foldKey } from "../extract/index.ts";

const STOP = new Set(
  "the a an and or of to in on for with by at from as is are be will would shall both two sides countries country their its this that these those into new more further including".split(
    " ",
  ),
);

/** Content words of a text, diacritic- and case-insensitive, for matching items across sources. */
export function keywords(text: string): Set<string> {
  return new Set(
    foldKey(text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/(ies|es|s)$/, "")),
  );
}

/** Share of the smaller set's words found in the other (overlap coefficient). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.min(a.size, b.size);
}
