import { type DocumentContext, cite, countriesIn, rawOf } from "../document-context.ts";
import type { CommitmentFinding } from "../findings.ts";
import type { Sentence } from "../segment.ts";
import { specificStems } from "../text-keys.ts";
import { isActionWord, splitActions } from "./clauses.ts";

/**
 * Cue phrases after which a sentence says what a party will do. Each ends
 * where the promised action begins. Verb cues need a subject that can
 * promise (a country, "both sides", a leader, the agreement); noun cues
 * ("the goal of", "provisions for") stand alone.
 */
const CUES: Array<{ re: RegExp; subject: boolean }> = [
  { re: /\b(?:agreed|agree|agrees|agreeing)(?: on the need)? (?:to|on)\s+/, subject: true },
  {
    re: /\b(?:committed|commit|commits|committing|pledged|pledge|pledges|pledging|vowed|vow|vows|resolved|decided|promised|undertook|undertake|undertakes|determined) to\s+/,
    subject: true,
  },
  {
    re: /\b(?:reaffirmed|affirmed|reiterated|expressed|underlined|confirmed|renewed)\s+(?:its|their|his|her|the\s+[a-z.'’]+(?:['’]s)?)\s+(?:continued\s+|strong\s+|firm\s+|full\s+)?(?:commitment|support|readiness|desire|determination|dedication|willingness)\s+(?:to|for)\s+/,
    subject: true,
  },
  { re: /\b(?:stands?|stood|is|are|was|were) ready to\s+/, subject: true },
  {
    re: /\b(?:focus|priority|emphasis|attention) will (?:also )?be (?:placed|given|put|paid) (?:on|to)\s+/,
    subject: false,
  },
  {
    re: /\b(?:will|shall|would)\s+(?:also\s+|further\s+|jointly\s+|continue\s+to\s+|work\s+together\s+to\s+)?(?:be\s+[a-z]+(?:ed|en)\s+(?:on|to|for)\s+)?/,
    subject: true,
  },
  { re: /\b(?:aims?|aiming|aimed|seeks?|seeking|plans?|planning|intends?|intending) to\s+/, subject: true },
  { re: /\bprovisions? for\s+/, subject: false },
  { re: /\b(?:is|was|are|were) (?:designed|signed|set) to\s+/, subject: true },
  { re: /\b(?:goal|target|ambition) (?:of|to)\s+/, subject: false },
  { re: /\bfocus(?:ed|es|ing)? on\s+/, subject: true },
  {
    re: /\b(?:emphasi[sz]\w*|stress\w*|underlin\w*|highlight\w*) the (?:importance|need) (?:of|to)\s+/,
    subject: false,
  },
  { re: /\boffering\s+(?:[a-z]+\s+)?support for\s+/, subject: false },
  { re: /\b(?:nhat tri|cam ket|thong nhat|se)\s+/, subject: false },
];

const BOTH =
  /\b(both|two)\s+(?:sides|countries|leaders|nations|governments|parties|ministers|prime ministers)\b|\bthey\b|\bhai ben\b|\bhai nuoc\b/;
const NEGATION = /\b(?:not|never|no longer|refused|declined)\b/;
/** Nouns that can make a promise: parties, leaders, and the instruments that bind them. */
const ACTORS = new Set(
  (
    "sides side countries country nations nation leaders leader governments government parties party ministers minister " +
    "they he she we both two partnership agreement deal initiative programme program plan fund centre center mechanism " +
    "declaration statement chief secretary president delegation administration ministry premier chancellor pm fm " +
    "cabinet authorities king queen emperor framework mou memorandum"
  ).split(" "),
);
const FILLER =
  /(?:\s|,)+(?:also|further|jointly|then|now|have|has|had|all|each|together|would|will|shall|both|again|already|formally|officially|recently|later)$/;
const UPGRADE =
  /\b(?:elevat|upgrad|rais|lift|establish)\w*\b[^.;]*\b(?:comprehensive|strategic)\s+(?:strategic\s+)?partnership\b/;

function hasSubject(ctx: DocumentContext, s: Sentence, cueAt: number): boolean {
  let before = ctx.folded.lower.slice(s.start, cueAt).replace(/[\s,]+$/, "");
  for (let k = 0; k < 4; k++) before = before.replace(FILLER, "");
  if (/\b(?:which|that|who)$/.test(before)) return false;
  const lastWord = /([a-z.']+)$/.exec(before)?.[1] ?? "";
  if (ACTORS.has(lastWord.replace(/'s$/, ""))) return true;
  const end = s.start + before.length;
  if (ctx.countries.some((c) => c.end === end || c.end === end - 2)) return true;
  // A person's name ("Albanese pledged"): capitalised, not an acronym.
  const surface = ctx.folded.plain.slice(end - lastWord.length, end);
  return end - lastWord.length > s.start && /^[A-Z][a-z]+$/.test(surface);
}

/**
 * Finds commitments in one sentence: after a cue ("agreed to", "pledged to",
 * "will", "committed to", "stands ready to") or after the heading of a bullet
 * that starts with an action ("• Energy: Implementing the …"), each listed
 * action with a concrete object becomes one commitment. Actors are the
 * countries named before the cue; none named means both parties. Raising the
 * partnership itself is the partnership's level, not a commitment.
 */
export function findCommitments(ctx: DocumentContext, s: Sentence, out: CommitmentFinding[]): void {
  const { lower } = ctx.folded;
  const sentence = lower.slice(s.start, s.end);
  let predicateStart = -1;
  let cueEnd = -1;
  let best = Number.POSITIVE_INFINITY;
  for (const cue of CUES) {
    const m = cue.re.exec(sentence);
    if (m === null || m.index >= best) continue;
    if (cue.subject && !s.bullet && !hasSubject(ctx, s, s.start + m.index)) continue;
    best = m.index;
    predicateStart = s.start + m.index + m[0].length;
    cueEnd = predicateStart;
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
    if (UPGRADE.test(lower.slice(ps, pe))) continue;
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
    // A news agency's credit at the end of an article ("— VNA/VNS") is not part of the action.
    .replace(/\s+[—–-]\s*[A-Z/]{2,}(?:\/[A-Z]+)*\s*$/, "")
    .replace(/[,;:.\s]+$/, "")
    .trim();
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}
