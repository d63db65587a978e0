import { createDocumentContext } from "./document-context.ts";
import type { DocumentFindings } from "./findings.ts";
import { findCommitments } from "./rules/commitments.ts";
import { findHistory } from "./rules/history.ts";
import { findInstruments } from "./rules/instruments.ts";
import { findDateline, findLevels, weighCountries } from "./rules/partnership.ts";
import { findPeople } from "./rules/people.ts";
import { findAreaList, findPillarList } from "./rules/pillars.ts";
import { findTargets } from "./rules/targets.ts";
import type { Sentence } from "./segment.ts";
import type { SourceDocument } from "./source-document.ts";

// Cheap tests on a sentence's lower-case text decide which rules run at all.
const HAS_LEVEL = /partnership|doi tac/;
const HAS_PILLAR = /pillar|areas|fields|tru cot|linh vuc/;
const HAS_AREAS =
  /(?:cooperation|collaboration|partnership|ties|relations|engagement) (?:in|on|across|covering|spanning) /;
const HAS_INSTRUMENT =
  /agreement|treaty|convention|charter|memorand|\bmous?\b|declaration|statement|plan\b|partnership|programme|program\b|fund|initiative|protocol|accord|pact|framework|dialogue|mechanism|network|scholarship|collaboration|between|\(|\b[A-Z]{3,}/i;
const HAS_QUANTITY = /\d|doubl|tripl|twofold|quadrupl|halv/;
const HAS_YEAR_OR_DAY = /\b(?:1[89]\d\d|20\d\d)\b|\d|day\b/;
const HAS_COMMITMENT =
  /agree|commit|pledg|vow|resolv|decid|promis|undert|determin|affirm|reiterat|express|underlin|confirm|renew|ready|\bwill\b|\bwould\b|\bshall\b|aim|seek|plan|intend|provision|designed|signed|set to|expected|goal|target|ambition|focus|emphasi|stress|highlight|offering|nhat tri|cam ket|thong nhat|\bse\b|:/;
const HAS_TITLE =
  /minister|president|secretary|chair|ambassador|chancellor|king|queen|emperor|prince|sultan|premier|governor|mayor|senator|speaker|chief|director|commissioner|general|admiral|envoy|majesty|\bpm\b|\bfm\b|\bmrs?\b|\bms\b|\bdr\b|madam|prof|thu tuong|tong bi thu|chu tich|bo truong|dai su|tong thong/;

/**
 * Runs every rule over one source and returns what it finds, with citations
 * into that source. Pure: the document text is not kept, so a caller can
 * extract many files one at a time and merge the findings (see DigestBuilder).
 *
 * @example
 *   const findings = extractDocumentFindings({ id: "a.txt", text });
 */
export function extractDocumentFindings(doc: SourceDocument): DocumentFindings {
  const ctx = createDocumentContext(doc);
  const findings: DocumentFindings = {
    source: {
      id: doc.id,
      title: ctx.title,
      date: ctx.date,
      language: ctx.language,
      chars: doc.text.length,
    },
    countryWeights: new Map(),
    levels: [],
    places: [],
    pillarLists: [],
    instruments: [],
    acronymMentions: new Map(),
    targets: [],
    people: [],
    history: [],
    commitments: [],
    upgradeYears: [],
  };
  const levelSentences = new Set<Sentence>();
  const pillarSentences = new Set<number>();
  const minYear = ctx.date !== null ? Number(ctx.date.slice(0, 4)) : null;
  const { lower, plain } = ctx.folded;
  for (let i = 0; i < ctx.sentences.length; i++) {
    const s = ctx.sentences[i];
    if (s === undefined) continue;
    const text = lower.slice(s.start, s.end);
    if (i < 3) findDateline(ctx, s, findings.places);
    if (HAS_LEVEL.test(text)) {
      const before = findings.levels.length;
      findLevels(ctx, s, findings.levels, findings.places);
      if (findings.levels.length > before) levelSentences.add(s);
      for (const l of findings.levels.slice(before))
        if (l.upgrade && l.date?.year != null) findings.upgradeYears.push(l.date.year);
    }
    const list = HAS_PILLAR.test(text) ? findPillarList(ctx, i) : null;
    if (list !== null) {
      findings.pillarLists.push(list);
      pillarSentences.add(i);
    } else if (HAS_AREAS.test(text)) {
      const areas = findAreaList(ctx, i);
      if (areas !== null) findings.pillarLists.push(areas);
    }
    if (HAS_INSTRUMENT.test(plain.slice(s.start, s.end)))
      findInstruments(ctx, s, findings.instruments, findings.acronymMentions);
    if (HAS_TITLE.test(text)) findPeople(ctx, s, findings.people);
    if (HAS_YEAR_OR_DAY.test(text)) findHistory(ctx, s, findings.history);
    if (HAS_QUANTITY.test(text)) findTargets(ctx, s, findings.targets, minYear);
    if (!pillarSentences.has(i) && HAS_COMMITMENT.test(text)) findCommitments(ctx, s, findings.commitments);
  }
  findings.countryWeights = weighCountries(ctx, levelSentences);
  return findings;
}
