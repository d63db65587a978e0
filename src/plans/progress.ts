import { keywords, overlap } from "./keys.ts";
import type { PlanSnapshot, StoredCitation } from "./snapshot.ts";

/** Progress verbs, and the completion-scale status each suggests to the reviewer. */
const CUES: readonly [RegExp, "substantial" | "complete"][] = [
  [
    /\b(completed|entered into force|came into force|came into effect|took effect|was opened|opened|inaugurated)\b/i,
    "complete",
  ],
  [
    /\b(signed|launched|held (?:its|their) (?:first|inaugural)|convened (?:its|their) first|began|started|kicked off|approved|ratified)\b/i,
    "substantial",
  ],
];

export interface ProposedUpdate {
  subjectType: "commitment" | "instrument";
  /** Commitment code or instrument name in the published plan. */
  subjectKey: string;
  subjectLabel: string;
  note: string;
  newStatus: "substantial" | "complete";
  citations: StoredCitation[];
}

/** Sentences with their offsets: split after . ! ? or a line break. */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^.!?\n]+(?:[.!?]+|\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 20) out.push({ start: m.index + lead, end: m.index + lead + body.length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Finds statements of progress in a later source ("signed", "entered into
 * force", "held its first meeting") and pins each to the published
 * commitment or instrument it is about, by shared content words. Only
 * sentences matching one item clearly better than any other are proposed.
 */
export function findProgress(sourceId: number, text: string, plan: PlanSnapshot): ProposedUpdate[] {
  const subjects = [
    ...plan.commitments.map((c) => ({
      type: "commitment" as const,
      key: c.code,
      label: c.text,
      words: keywords(c.text),
    })),
    ...plan.instruments.map((i) => ({
      type: "instrument" as const,
      key: i.name,
      label: i.name,
      words: keywords([i.name, ...i.aliases].join(" ")),
    })),
  ];
  const found = new Map<string, ProposedUpdate>();
  for (const s of sentences(text)) {
    const sentence = text.slice(s.start, s.end);
    const cue = CUES.find(([re]) => re.test(sentence));
    if (!cue) continue;
    const words = keywords(sentence);
    const scored = subjects
      .map((subject) => {
        const shared = [...subject.words].filter((w) => words.has(w)).length;
        return { subject, shared, score: overlap(subject.words, words) };
      })
      .filter((x) => x.shared >= 2 && x.score >= 0.5)
      .sort((a, b) => b.score - a.score || b.shared - a.shared);
    const [best, second] = scored;
    if (!best || (second && second.score === best.score && second.shared === best.shared)) continue;
    const id = `${best.subject.type}:${best.subject.key}`;
    if (found.has(id)) continue;
    found.set(id, {
      subjectType: best.subject.type,
      subjectKey: best.subject.key,
      subjectLabel: best.subject.label,
      note: sentence,
      newStatus: cue[1],
      citations: [{ sourceId, start: s.start, end: s.end, quote: sentence }],
    });
  }
  return [...found.values()];
}
