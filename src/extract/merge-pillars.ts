import { CitationSet } from "./citations.ts";
import type { Citation, Conflict, Pillar } from "./digest-schema.ts";
import { foldKey } from "./fold.ts";
import type { PillarListFinding } from "./findings.ts";
import { contentStems, overlap } from "./text-keys.ts";

const NOT_TOPICS = new Set([
  "cooper",
  "collab",
  "ties",
  "field",
  "fields",
  "areas",
  "area",
  "exchan",
  "streng",
  "deepen",
  "boosti",
  "workin",
  "expand",
  "steppi",
  "protec",
  "issues",
  "etc",
  "other",
  "relate",
  "partne",
  "pillar",
  "key",
  "core",
]);

const topics = (text: string): Set<string> => new Set(contentStems(text).filter((s) => !NOT_TOPICS.has(s)));
const topicsLoose = (text: string): Set<string> =>
  new Set(contentStems(text).filter((s) => s !== "cooper" && s !== "collab"));

interface Item {
  text: string;
  citation: Citation;
  topics: Set<string>;
  loose: Set<string>;
}

const MATCH = 0.5;

function similarity(a: Item, b: Item): number {
  const t = overlap(a.topics, b.topics);
  return t > 0 ? t : overlap(a.loose, b.loose) * 0.9;
}

/**
 * Reconciles the pillar lists of all sources. The list that agrees with the
 * most other lists is the reference; every other list's items are matched to
 * its pillars by shared topic words. A list that splits one pillar in two,
 * names a pillar the reference lacks, or leaves one out is a conflict.
 */
export function mergePillars(lists: readonly PillarListFinding[]): { pillars: Pillar[]; conflicts: Conflict[] } {
  if (lists.length === 0) return { pillars: [], conflicts: [] };
  const prepared = lists.map((l) => ({
    list: l,
    items: l.items.map((i) => ({
      text: i.text,
      citation: i.citation,
      topics: topics(i.text),
      loose: topicsLoose(i.text),
    })),
  }));
  let reference = prepared[0];
  let bestScore = -1;
  for (const a of prepared) {
    let score = 0;
    for (const b of prepared) {
      if (a === b) continue;
      // One-to-one: an item of b can confirm only one item of a, so a list that splits a pillar scores less.
      const taken = new Set<number>();
      for (const ia of a.items) {
        const k = b.items.findIndex((ib, n) => !taken.has(n) && similarity(ia, ib) >= MATCH);
        if (k >= 0) {
          taken.add(k);
          score++;
        }
      }
    }
    score += a.items.length * 0.01;
    if (score > bestScore) {
      bestScore = score;
      reference = a;
    }
  }
  if (reference === undefined) return { pillars: [], conflicts: [] };
  const clusters = reference.items.map((i) => ({ item: i, variants: new Set<string>(), citations: new CitationSet() }));
  for (const c of clusters) c.citations.add(c.item.citation);
  const conflicts: Conflict[] = [];
  for (const p of prepared) {
    if (p === reference) continue;
    const used = new Map<number, Item>();
    const unmatched: Item[] = [];
    const doubled: Item[] = [];
    for (const item of p.items) {
      let best = -1;
      let bestSim = 0;
      clusters.forEach((c, k) => {
        const sim = similarity(item, c.item);
        if (sim > bestSim) {
          bestSim = sim;
          best = k;
        }
      });
      const cluster = clusters[best];
      if (cluster === undefined || bestSim < MATCH) {
        unmatched.push(item);
        continue;
      }
      if (used.has(best)) doubled.push(item);
      used.set(best, item);
      if (foldKey(item.text) !== foldKey(cluster.item.text)) cluster.variants.add(item.text);
      cluster.citations.add(item.citation);
    }
    const missing = clusters.filter((_, k) => !used.has(k));
    if (unmatched.length > 0 || doubled.length > 0 || missing.length > 0) {
      const parts: string[] = [];
      if (doubled.length > 0) parts.push(`splits ${doubled.map((d) => `"${d.text}"`).join(", ")} from another pillar`);
      if (unmatched.length > 0) parts.push(`names ${unmatched.map((d) => `"${d.text}"`).join(", ")}`);
      if (missing.length > 0) parts.push(`omits ${missing.map((m) => `"${m.item.text}"`).join(", ")}`);
      conflicts.push({
        field: "pillars",
        about: `One source's list of pillars differs from the others: it ${parts.join("; ")}.`,
        values: [p.items.map((i) => i.text).join("; "), reference.items.map((i) => i.text).join("; ")],
        citations: [p.list.citation, reference.list.citation],
      });
    }
  }
  const pillars = clusters.map((c, k) => ({
    id: `P${k + 1}`,
    name: c.item.text,
    variants: [...c.variants],
    citations: c.citations.list(),
  }));
  return { pillars, conflicts };
}
