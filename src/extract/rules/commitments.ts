import { type DocumentContext, cite, countriesIn, rawOf } from "../document-context.ts";
import type { CommitmentFinding } from "../findings.ts";
import type { Sentence } from "../segment.ts";
import { specificStems } from "../text-keys.ts";
import { isActionWord, splitActions } from "./clauses.ts";

/**
 * Cue phrases after which a sentence says what a party will do. Each ends
 * where the promised action begins.
 */
const CUES: RegExp[] = [
  /\b(?:agreed|agree|agrees|agreeing)(?: on the need)? (?:to|on)\s+/,
  /\b(?:committed|commit|commits|committing|pledged|pledge|pledges|pledging|vowed|vow|vows|resolved|decided|promised|undertook|undertake|undertakes|determined) to\s+/,
  /\b(?:reaffirmed|affirmed|reiterated|expressed|underlined|confirmed|renewed)\s+(?:its|their|his|her|the\s+[a-z.'’]+(?:['’]s)?)\s+(?:continued\s+|strong\s+|firm\s+|full\s+)?(?:commitment|support|readiness|desire|determination|dedication|willingness)\s+(?:to|for)\s+/,
  /\b(?:stands?|stood|is|are|was|were) ready to\s+/,
  /\b(?:will|shall)\s+(?:also\s+|further\s+|jointly\s+|continue\s+to\s+|work\s+together\s+to\s+)?(?:be\s+[a-z]+(?:ed|en)\s+(?:on|to|for)\s+)?/,
  /\b(?:aims?|aiming|aimed|seeks?|seeking|plans?|planning|intends?|intending) to\s+/,
  /\bprovisions? for\s+/,
  /\b(?:is|was|are|were) (?:designed|signed|set|expected) to\s+/,
  /\b(?:goal|target|ambition) (?:of|to)\s+/,
  /\bfocus(?:ed|es|ing)? on\s+/,
  /\b(?:emphasi[sz]\w*|stress\w*|underlin\w*|highlight\w*) the (?:importance|need) (?:of|to)\s+/,
  /\boffering\s+(?:[a-z]+\s+)?support for\s+/,
  /\b(?:nhat tri|cam ket|thong nhat|se)\s+/,
];

const BOTH =
  /\b(both|two)\s+(?:sides|countries|leaders|nations|governments|parties|ministers|prime ministers)\b|\bthey\b|\bhai ben\b|\bhai nuoc\b/;
const NEGATION = /\b(?:not|never|no longer|refused|declined)\b/;

/**
 * Finds commitments in one sentence: after a cue ("agreed to", "pledged to",
 * "will", "committed to", "stands ready to") or after the heading of a bullet
 * that starts with an action ("• Energy: Implementing the …"), each listed
 * action with a concrete object becomes one commitment. Actors are the
 * countries named before the cue; none named means both parties.
 */
export function findCommitments(ctx: DocumentContext, s: Sentence, out: CommitmentFinding[]): void {
  const { lower } = ctx.folded;
  const sentence = lower.slice(s.start, s.end);
  let predicateStart = -1;
  let cueEnd = -1;
  let best = Number.POSITIVE_INFINITY;
  for (const re of CUES) {
    const m = re.exec(sentence);
    if (m !== null && m.index < best) {
      best = m.index;
      predicateStart = s.start + m.index + m[0].length;
      cueEnd = predicateStart;
    }
  }
  if (s.bullet) {
    const colon = sentence.indexOf(":");
    const firstWord = /^\s*([a-z]+)/.exec(sentence.slice(colon + 1))?.[1] ?? "";
    if (colon > 0 && colon < 100 && (isActionWord(firstWord) || firstWord.endsWith("ing"))) {
      predicateStart = s.start + colon + 1;
      cueEnd = predicateStart;
    }
  }
  if (predicateStart < 0) return;
  const prefix = lower.slice(s.start, cueEnd);
  if (NEGATION.test(prefix.slice(-40))) return;
  const actors = BOTH.test(prefix) ? [] : [...new Set(countriesIn(ctx, s.start, cueEnd).map((c) => c.country))];
  const pieces = splitActions(lower, predicateStart, s.end).slice(0, 8);
  for (const [ps, pe] of pieces) {
    const text = tidy(rawOf(ctx, ps, pe));
    if (text.split(/\s+/).length < 3) continue;
    if (specificStems(text).length < 1) continue;
    const deadline = /\b(?:by|before|until|in)\s+(20\d\d)\b/.exec(lower.slice(ps, pe));
    out.push({
      text,
      actors: actors.length >= 2 ? [] : actors,
      deadline: deadline !== null ? Number(deadline[1]) : null,
      citation: cite(ctx, s.start, s.end, [ps, pe]),
    });
  }
}

function tidy(t: string): string {
  const clean = t
    .replace(/^(?:to|and|also|further|then|both|,)\s+/i, "")
    .replace(/^(?:to|also)\s+/i, "")
    .replace(/[,;:.\s]+$/, "")
    .trim();
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}
