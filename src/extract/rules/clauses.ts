/**
 * Splitting a predicate into the actions it lists: "to intensify X; to share
 * Y; and to enhance Z", "streamline X and intensify Y", "removing X and
 * facilitating Y", "support X, while encouraging Y". A new action starts at
 * a semicolon, or at a comma or "and" followed by an action verb.
 */

/** Base forms of verbs that start an action in partnership texts. */
export const ACTION_VERBS = new Set(
  (
    "accelerate achieve act address adopt aim advance align allocate assist attract boost build bring carry champion coinvest collaborate " +
    "combat complete conclude connect consider consolidate construct continue contribute convene cooperate coordinate create " +
    "cut deepen deliver deploy design develop diversify double drive elevate eliminate empower enable encourage end enhance " +
    "ensure establish exchange expand explore extend facilitate finalise finalize finance foster fund grow halve harness " +
    "help hold implement improve increase intensify introduce invest jointly launch lift leverage maintain make maximise " +
    "maximize mobilise mobilize modernise modernize negotiate offer open organise organize partner pilot pledge prioritise " +
    "prioritize promote protect provide pursue raise ratify realise realize reduce reform reinforce remove renew resolve " +
    "respect restore resume review scale secure seek set share sign simplify speed stabilise stabilize step strengthen " +
    "streamline study support sustain tackle take train transfer triple uphold upgrade use welcome work"
  ).split(" "),
);

const ING_EXCEPTIONS = new Set([
  "including",
  "regarding",
  "concerning",
  "following",
  "during",
  "according",
  "bring",
  "thing",
  "morning",
  "evening",
  "king",
  "spring",
  "string",
  "building",
  "funding",
  "training",
  "meeting",
  "understanding",
  "spending",
  "warming",
  "shipping",
  "mining",
  "banking",
  "housing",
  "ring",
  "wing",
  "something",
  "nothing",
  "anything",
  "everything",
]);

/** Whether a lower-case word begins an action: a listed verb or a gerund of one. */
export function isActionWord(w: string): boolean {
  if (ACTION_VERBS.has(w)) return true;
  if (w.length > 5 && w.endsWith("ing") && !ING_EXCEPTIONS.has(w)) {
    const base = w.slice(0, -3);
    return (
      ACTION_VERBS.has(base) ||
      ACTION_VERBS.has(`${base}e`) ||
      ACTION_VERBS.has(base.slice(0, -1)) ||
      base.endsWith("is") ||
      base.endsWith("iz")
    );
  }
  return false;
}

const isGerund = (w: string): boolean => w.endsWith("ing");

/**
 * Splits `lower.slice(from, to)` into action spans (folded-text indices).
 * A comma or "and" cuts only before a verb of the same form as the first
 * action ("implementing X and leveraging Y to maximise Z and reduce W" cuts
 * before "leveraging", not before "reduce", which belongs to "to maximise"),
 * and not inside a list of single words ("a fair, transparent, and open
 * market"). Consequences ("thereby strengthening…", "contributing to…") are
 * dropped.
 */
export function splitActions(lower: string, from: number, to: number): Array<[number, number]> {
  const text = lower.slice(from, to);
  const firstVerb = /[a-z]+/g;
  let form: boolean | null = null;
  for (let m = firstVerb.exec(text); m !== null && m.index < 80; m = firstVerb.exec(text)) {
    if (isActionWord(m[0])) {
      form = isGerund(m[0]);
      break;
    }
  }
  const cuts: number[] = [0];
  let consequenceAt = -1;
  const re =
    /,?\s+and\s+(?:also\s+)?(?:agreed|committed|pledged|vowed|decided|resolved|promised)\s+(?:to|on)\s+|;\s*(?:and\s+)?(?:to\s+)?|,?\s+(?:and|as well as)\s+(?:to\s+)?(?:also\s+)?(?:[a-z]+ly\s+)?(?=([a-z]+))|,\s+(?:while\s+|thereby\s+|and\s+)?(?:[a-z]+ly\s+)?(?=([a-z]+))/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const next = m[1] ?? m[2];
    if (
      m[0].startsWith(";") ||
      /\b(?:agreed|committed|pledged|vowed|decided|resolved|promised)\s+(?:to|on)\s+$/.test(m[0])
    ) {
      cuts.push(m.index, m.index + m[0].length);
      continue;
    }
    if (/^,\s+thereby\b/.test(m[0]) || (next !== undefined && /^contribut/.test(next) && m[0].startsWith(","))) {
      consequenceAt = m.index;
      break;
    }
    if (next === undefined || !isActionWord(next)) continue;
    if (form !== null && isGerund(next) !== form) continue;
    // "a fair, transparent, and open market": a list of single words is not a list of actions.
    if (/,\s*[a-z-]+$/.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    cuts.push(m.index, m.index + m[0].length);
  }
  cuts.push(consequenceAt >= 0 ? consequenceAt : text.length);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    const a = cuts[i] ?? 0;
    const b = cuts[i + 1] ?? text.length;
    if (b > a) out.push([from + a, from + b]);
  }
  return out;
}
