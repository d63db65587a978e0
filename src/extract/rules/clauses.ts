/**
 * Splitting a predicate into the actions it lists: "to intensify X; to share
 * Y; and to enhance Z", "streamline X and intensify Y", "removing X and
 * facilitating Y", "support X, while encouraging Y". A new action starts at
 * a semicolon, or at a comma or "and" followed by an action verb.
 */

/** Base forms of verbs that start an action in partnership texts. */
export const ACTION_VERBS = new Set(
  (
    "accelerate address adopt advance align allocate assist attract boost build bring carry champion coinvest collaborate " +
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

/** Splits `lower.slice(from, to)` into action spans (folded-text indices). */
export function splitActions(lower: string, from: number, to: number): Array<[number, number]> {
  const text = lower.slice(from, to);
  const cuts: number[] = [0];
  const re =
    /;\s*(?:and\s+)?(?:to\s+)?|,?\s+(?:and|as well as)\s+(?:to\s+)?(?:also\s+)?(?=([a-z]+))|,\s+(?:while\s+|thereby\s+|and\s+)?(?=([a-z]+))/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const next = m[1] ?? m[2];
    if (m[0].startsWith(";")) {
      cuts.push(m.index, m.index + m[0].length);
      continue;
    }
    if (next === undefined || !isActionWord(next)) continue;
    // "boost … and developing": only cut when the word is a verb, which it is by the test above.
    cuts.push(m.index, m.index + m[0].length);
  }
  cuts.push(text.length);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    const a = cuts[i] ?? 0;
    const b = cuts[i + 1] ?? text.length;
    if (b > a) out.push([from + a, from + b]);
  }
  return out;
}
