import type { Pillar } from "./digest-schema.ts";
import { DOMAINS } from "./gazetteer/domains.ts";
import { contentStems } from "./text-keys.ts";

function domainScores(text: string): number[] {
  const stems = contentStems(text);
  return DOMAINS.map((d) => {
    let n = 0;
    for (const s of stems) if (d.stems.some((x) => s === x || (x.length >= 4 && s.startsWith(x)))) n++;
    return n;
  });
}

const argmax = (xs: number[]): number => {
  let best = -1;
  let bestValue = 0;
  xs.forEach((x, i) => {
    if (x > bestValue) {
      bestValue = x;
      best = i;
    }
  });
  return best;
};

/**
 * Assigns texts to pillars through cooperation domains: each pillar takes
 * the domain its name speaks of, and a text goes to the pillar whose domain
 * its words share most (direct word overlap with the pillar name breaks ties).
 */
export class PillarAssigner {
  private readonly pillarDomains: Array<{ id: string; scores: number[]; stems: Set<string> }>;

  constructor(pillars: readonly Pillar[]) {
    this.pillarDomains = pillars.map((p) => ({
      id: p.id,
      scores: domainScores([p.name, ...p.variants].join(" ")),
      stems: new Set(contentStems([p.name, ...p.variants].join(" "))),
    }));
  }

  /** The id of the best pillar for a text, or null when nothing relates. */
  assign(text: string): string | null {
    if (this.pillarDomains.length === 0) return null;
    const scores = domainScores(text);
    const stems = contentStems(text);
    let best: string | null = null;
    let bestValue = 0;
    for (const p of this.pillarDomains) {
      const top = argmax(p.scores);
      let v = 0;
      scores.forEach((s, d) => {
        v += s * (d === top ? 3 : (p.scores[d] ?? 0) > 0 ? 1 : 0);
      });
      for (const s of stems) if (p.stems.has(s)) v += 0.5;
      if (v > bestValue) {
        bestValue = v;
        best = p.id;
      }
    }
    return best;
  }
}
