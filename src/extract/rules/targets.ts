import { type DocumentContext, cite, rawOf } from "../document-context.ts";
import type { TargetFinding } from "../findings.ts";
import type { Sentence } from "../segment.ts";
import { splitActions } from "./clauses.ts";

const MULTIPLIER: Array<[RegExp, string]> = [
  [/\b(doubl(?:e|ed|es|ing)|two-?fold|gap doi|tang gap doi)\b/, "2x"],
  [/\b(tripl(?:e|ed|es|ing)|three-?fold|gap ba)\b/, "3x"],
  [/\b(quadrupl\w*|four-?fold)\b/, "4x"],
  [/\b(halv(?:e|ed|es|ing)|cut\w* by half)\b/, "0.5x"],
];
const MONEY =
  /(?:\b(?:us|a|s|nz|c)?\$|\busd\s?|\beur\s?|€|£|¥|\bvnd\s?)\s?\d[\d,.]*(?:\s?(?:billion|million|trillion|bn|mn|tn|ty|trieu)\b)?|\b\d[\d,.]*\s?(?:billion|million|trillion)\s(?:us\s)?(?:dollars|usd|euros?|pounds|yen|dong)\b|\b\d[\d,.]*\s?(?:ty|trieu)\s?(?:usd|do la)\b/;
const PERCENT = /\b\d+(?:\.\d+)?\s?(?:%|per ?cent\b|phan tram\b)/;
const COUNT =
  /\b(\d[\d,]*)\s+(?:new\s+|more\s+|additional\s+)?(scholarships?|students?|fellowships?|workers|nurses|teachers|doctors|researchers|officials|flights|projects|hectares|megawatts|mw|gw|gigawatts|tonnes|tons|jobs|visas|places|trainees|graduates|start-?ups|companies|enterprises|hoc bong|sinh vien)\b/;
const DEADLINE =
  /\b(?:by|before|until|no later than|toward|towards|in time for|den nam|vao nam|truoc nam)\s+(?:the\s+end\s+of\s+|the\s+year\s+)?(20\d\d)\b|\b(20\d\d)\s+(?:goal|target|commitment|vision|agenda)\b|\bnet[\s-]zero(?:\s+emissions)?\s+(?:by\s+|in\s+)?(20\d\d)\b|\b(?:goals?|targets?|vision)\s+(?:for|of)\s+(20\d\d)\b/;
const GOAL =
  /\b(target\w*|goal\w*|aim\w*|ambition\w*|strive|reach\w*|achiev\w*|increas\w*|rais\w*|boost\w*|grow\w*|expand\w*|lift\w*|commit\w*|pledg\w*|provid\w*|offer\w*|allocat\w*|mobilis\w*|mobiliz\w*|will|plan\w*|seek\w*|to bring|to make|muc tieu|phan dau|dat)\b/;

/**
 * Finds quantified or dated goals in one sentence: a multiple ("double
 * two-way trade"), an amount, a percentage or a count with a goal word
 * ("provide 500 scholarships"), or a deadline year ("net zero by 2050",
 * "English as a second language by 2035"). The text is the action clause
 * that holds it.
 */
export function findTargets(ctx: DocumentContext, s: Sentence, out: TargetFinding[], minYear: number | null): void {
  const { lower } = ctx.folded;
  for (const [cs, ce] of splitActions(lower, s.start, s.end)) {
    const clause = lower.slice(cs, ce);
    let quantity: string | null = null;
    let anchor = -1;
    for (const [re, q] of MULTIPLIER) {
      const m = re.exec(clause);
      if (m !== null) {
        quantity = q;
        anchor = m.index;
        break;
      }
    }
    if (quantity === null && GOAL.test(clause)) {
      const m = MONEY.exec(clause) ?? PERCENT.exec(clause) ?? COUNT.exec(clause);
      if (m !== null) {
        quantity = m[0].trim();
        anchor = m.index;
      }
    }
    const dm = DEADLINE.exec(clause);
    let deadline: number | null = null;
    if (dm !== null) {
      const y = Number(dm[1] ?? dm[2] ?? dm[3] ?? dm[4]);
      if (minYear === null || y >= minYear) deadline = y;
      if (anchor < 0) anchor = dm.index;
    }
    if (quantity === null && deadline === null) continue;
    // The goal starts after its cue: "the leaders agreed to double trade" → "double trade".
    let from = cs;
    const lead =
      /\b(?:agreed|pledged|committed|vowed|decided|aim(?:s|ing|ed)?|goal of|target of|will|would|plan(?:s|ned)? to|set to|seeks? to|said)\s+(?:to\s+)?/g;
    for (let m = lead.exec(clause); m !== null && m.index < anchor; m = lead.exec(clause))
      from = cs + m.index + m[0].length;
    const [ts, te] = trimClause(lower, from, ce, cs + anchor);
    const text = rawOf(ctx, ts, te).replace(/^(?:to|and|also|both sides|the two sides)\s+/i, "");
    if (text.length < 6) continue;
    out.push({ text: capitalise(text), quantity, deadline, citation: cite(ctx, s.start, s.end, [ts, te]) });
  }
}

/** Keeps at most ~25 words of a clause, centred on its quantity. */
function trimClause(lower: string, cs: number, ce: number, anchor: number): [number, number] {
  let s = cs;
  let e = ce;
  const words = (a: number, b: number) => lower.slice(a, b).split(/\s+/).length;
  while (words(s, anchor) > 12) s = lower.indexOf(" ", s + 1) + 1;
  while (words(anchor, e) > 14) e = lower.lastIndexOf(" ", e - 1);
  return [s, e];
}

function capitalise(t: string): string {
  const clean = t.replace(/[,;:.]+$/, "").trim();
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}
