import type { Citation, DigestSource } from "./digest-schema.ts";

/**
 * What the rules find in one document, before sources are merged. Dates that
 * lack a year stay pending until the corpus year is known.
 */
export interface PendingDate {
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface LevelFinding {
  level: string;
  rank: number;
  /** The sentence says relations were raised to this level (elevated, upgraded, established). */
  upgrade: boolean;
  /** "from X to Y": the level before. */
  previous: string | null;
  date: PendingDate | null;
  /** How sure the date is: 3 explicit in the sentence, 2 a weekday, 1 the document date. */
  dateWeight: number;
  place: string | null;
  citation: Citation;
}

export interface PillarItemFinding {
  text: string;
  citation: Citation;
}

export interface PillarListFinding {
  items: PillarItemFinding[];
  citation: Citation;
  /** A list of cooperation areas, not named pillars: used only when no source names pillars. */
  weak?: boolean;
}

export interface InstrumentFinding {
  name: string;
  aliases: string[];
  kind: string;
  status: string | null;
  citation: Citation;
}

export interface TargetFinding {
  text: string;
  quantity: string | null;
  deadline: number | null;
  citation: Citation;
}

export interface PersonFinding {
  name: string;
  role: string | null;
  country: string | null;
  /** The name looks Vietnamese (family name, diacritics): a fallback when no title gives the country. */
  vietnameseName: boolean;
  citation: Citation;
}

export interface HistoryFinding {
  date: PendingDate;
  event: string;
  /** A partnership level the event names ("the Strategic Partnership framework in 2010"). */
  level: string | null;
  citation: Citation;
}

export interface CommitmentFinding {
  text: string;
  /** Named actors; empty means both parties. */
  actors: string[];
  deadline: number | null;
  citation: Citation;
}

export interface PlaceFinding {
  place: string;
  weight: number;
}

export interface DocumentFindings {
  source: DigestSource;
  countryWeights: Map<string, number>;
  levels: LevelFinding[];
  places: PlaceFinding[];
  pillarLists: PillarListFinding[];
  instruments: InstrumentFinding[];
  /** Acronyms written alone, with where: linked to an instrument defined in any source. */
  acronymMentions: Map<string, Citation>;
  targets: TargetFinding[];
  people: PersonFinding[];
  history: HistoryFinding[];
  commitments: CommitmentFinding[];
  /** Years mentioned in upgrade sentences: a fallback for the corpus year. */
  upgradeYears: number[];
}
