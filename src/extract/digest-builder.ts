import { PillarAssigner } from "./assign-pillar.ts";
import { CitationSet, detach } from "./citations.ts";
import type { Citation, Conflict, Digest, DigestSource } from "./digest-schema.ts";
import { formatPartialDate } from "./dates.ts";
import { foldKey, stripDiacritics } from "./fold.ts";
import type { DocumentFindings, HistoryFinding, LevelFinding, PendingDate, PillarListFinding } from "./findings.ts";
import { levelByName } from "./gazetteer/levels.ts";
import { mergePillars } from "./merge-pillars.ts";
import { stripCountries } from "./rules/instruments.ts";
import { jaccard, overlap, specificStems } from "./text-keys.ts";

interface InstrumentCluster {
  name: string;
  aliases: Set<string>;
  kind: string;
  status: string | null;
  citations: CitationSet;
}

interface TextCluster {
  text: string;
  stems: Set<string>;
  quantity: string | null;
  deadline: number | null;
  actors: Set<string>;
  bothParties: boolean;
  citations: CitationSet;
}

interface PersonCluster {
  name: string;
  aliases: Set<string>;
  roles: Map<string, number>;
  countries: Map<string, number>;
  vietnamese: boolean;
  citations: CitationSet;
}

interface HistoryCluster {
  date: PendingDate;
  event: string;
  stems: Set<string>;
  level: string | null;
  citations: CitationSet;
}

/**
 * Merges the findings of many documents into one digest, one document at a
 * time: what several sources say about one thing becomes one item citing
 * each of them. Merging keys are diacritic-insensitive; instruments also
 * meet through acronyms, people through their last name.
 *
 * @example
 *   const b = new DigestBuilder();
 *   for (const doc of docs) b.add(extractDocumentFindings(doc));
 *   const digest = b.build();
 */
export class DigestBuilder {
  private readonly sources: DigestSource[] = [];
  private readonly countryWeights = new Map<string, number>();
  private readonly levels: LevelFinding[] = [];
  private readonly places = new Map<string, number>();
  private readonly pillarLists: PillarListFinding[] = [];
  private readonly instruments: InstrumentCluster[] = [];
  private readonly instrumentByKey = new Map<string, InstrumentCluster>();
  private readonly acronymMentions = new Map<string, CitationSet>();
  private readonly targets: TextCluster[] = [];
  private readonly commitments: TextCluster[] = [];
  private readonly commitmentIndex = new Map<string, TextCluster[]>();
  private readonly people: PersonCluster[] = [];
  private readonly personByKey = new Map<string, PersonCluster>();
  private readonly history: HistoryCluster[] = [];
  private readonly historyByDate = new Map<string, HistoryCluster[]>();
  private readonly targetByQuantity = new Map<string, TextCluster[]>();
  private readonly commitmentByStems = new Map<string, TextCluster>();
  private readonly upgradeYears: number[] = [];

  /** Adds one document's findings. */
  add(f: DocumentFindings): void {
    this.sources.push(f.source);
    for (const [c, w] of f.countryWeights) this.countryWeights.set(c, (this.countryWeights.get(c) ?? 0) + w);
    // Keep only what choosing the level needs: the upgrade sentences and one mention per level and source.
    const seenLevels = new Set<string>();
    for (const l of f.levels) {
      if (l.upgrade || !seenLevels.has(l.level)) this.levels.push(l);
      seenLevels.add(l.level);
    }
    for (const p of f.places) this.places.set(p.place, (this.places.get(p.place) ?? 0) + p.weight);
    if (this.pillarLists.length < 200) this.pillarLists.push(...f.pillarLists);
    for (const i of f.instruments) this.addInstrument(i.name, i.aliases, i.kind, i.status, i.citation);
    for (const [acronym, c] of f.acronymMentions) {
      const set = this.acronymMentions.get(acronym) ?? new CitationSet();
      set.add(c);
      this.acronymMentions.set(acronym, set);
    }
    for (const t of f.targets) {
      const key = `${t.quantity}|${t.deadline}`;
      const bucket = this.targetByQuantity.get(key) ?? [];
      this.targetByQuantity.set(key, bucket);
      this.addText(this.targets, null, t.text, t.quantity, t.deadline, [], t.citation, bucket);
    }
    for (const c of f.commitments)
      this.addText(this.commitments, this.commitmentIndex, c.text, null, c.deadline, c.actors, c.citation);
    for (const p of f.people) this.addPerson(p.name, p.role, p.country, p.vietnameseName, p.citation);
    for (const h of f.history) this.addHistory(h);
    this.upgradeYears.push(...f.upgradeYears);
  }

  private addInstrument(
    name: string,
    aliases: string[],
    kind: string,
    status: string | null,
    citation: Citation,
  ): void {
    const keys = [name, ...aliases].map(instrumentKey).filter((k) => k.length > 0);
    let cluster: InstrumentCluster | undefined;
    for (const k of keys) {
      cluster = this.instrumentByKey.get(k);
      if (cluster !== undefined) break;
    }
    if (cluster === undefined) {
      cluster = { name: detach(name), aliases: new Set(), kind, status, citations: new CitationSet() };
      this.instruments.push(cluster);
    } else if (isBetterName(name, cluster.name)) {
      cluster.aliases.add(cluster.name);
      cluster.name = name;
    } else if (name !== cluster.name) {
      cluster.aliases.add(name);
    }
    for (const a of aliases) if (a !== cluster.name) cluster.aliases.add(a);
    if (cluster.status === null) cluster.status = status;
    cluster.citations.add(citation);
    for (const k of keys) if (!this.instrumentByKey.has(k)) this.instrumentByKey.set(k, cluster);
  }

  private addText(
    list: TextCluster[],
    index: Map<string, TextCluster[]> | null,
    text: string,
    quantity: string | null,
    deadline: number | null,
    actors: string[],
    citation: Citation,
    bucket?: TextCluster[],
  ): void {
    const stems = new Set(specificStems(text));
    const exactKey = index === null ? null : [...stems].sort().join(" ");
    const exact = exactKey === null ? undefined : this.commitmentByStems.get(exactKey);
    const candidates = exact !== undefined ? [exact] : index === null ? (bucket ?? list) : candidatesFrom(index, stems);
    let match: TextCluster | undefined;
    let best = 0;
    for (const c of candidates) {
      let score: number;
      if (index === null) {
        // Targets: the same multiple or deadline and a shared subject.
        if (c.quantity !== quantity || c.deadline !== deadline) continue;
        score = overlap(c.stems, stems) > 0 ? 1 : 0;
      } else {
        score = commitmentSimilarity(c, stems, deadline, text);
      }
      if (score > best) {
        best = score;
        match = c;
      }
    }
    if (match !== undefined && best >= 0.5) {
      match.citations.add(citation);
      if (actors.length === 0) match.bothParties = true;
      for (const a of actors) match.actors.add(a);
      if (match.deadline === null) match.deadline = deadline;
      return;
    }
    const cluster: TextCluster = {
      text: detach(text),
      stems,
      quantity,
      deadline,
      actors: new Set(actors),
      bothParties: actors.length === 0,
      citations: new CitationSet(),
    };
    cluster.citations.add(citation);
    list.push(cluster);
    bucket?.push(cluster);
    if (exactKey !== null) this.commitmentByStems.set(exactKey, cluster);
    if (index !== null) {
      for (const s of stems) {
        const posting = index.get(s);
        if (posting === undefined) index.set(s, [cluster]);
        else posting.push(cluster);
      }
    }
  }

  private addPerson(
    name: string,
    role: string | null,
    country: string | null,
    vietnamese: boolean,
    citation: Citation,
  ): void {
    const key = foldKey(name);
    let p = this.personByKey.get(key);
    if (p === undefined) {
      p = {
        name,
        aliases: new Set(),
        roles: new Map(),
        countries: new Map(),
        vietnamese,
        citations: new CitationSet(),
      };
      this.people.push(p);
      this.personByKey.set(key, p);
    }
    if (name !== p.name) {
      // Prefer the spelling with diacritics as the alias, the plain one as the name.
      if (stripDiacritics(name) === name && stripDiacritics(p.name) !== p.name) {
        p.aliases.add(p.name);
        p.name = name;
      } else p.aliases.add(name);
    }
    if (role !== null) p.roles.set(role, (p.roles.get(role) ?? 0) + 1);
    if (country !== null) p.countries.set(country, (p.countries.get(country) ?? 0) + 1);
    p.vietnamese ||= vietnamese;
    p.citations.add(citation);
  }

  private addHistory(h: HistoryFinding): void {
    const stems = new Set(specificStems(h.event));
    const dateKey = `${h.date.year}-${h.date.month}-${h.date.day}`;
    const sameDate = this.historyByDate.get(dateKey) ?? [];
    this.historyByDate.set(dateKey, sameDate);
    for (const c of sameDate) {
      if (overlap(c.stems, stems) >= 0.34 || (c.level !== null && c.level === h.level)) {
        c.citations.add(h.citation);
        return;
      }
    }
    const cluster: HistoryCluster = {
      date: h.date,
      event: detach(h.event),
      stems,
      level: h.level,
      citations: new CitationSet(),
    };
    cluster.citations.add(h.citation);
    if (sameDate.length < 200) {
      this.history.push(cluster);
      sameDate.push(cluster);
    }
  }

  /** The digest of everything added so far. */
  build(): Digest {
    const parties = [...this.countryWeights.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 2)
      .map(([c]) => c);
    const corpusYear =
      mode(this.sources.map((s) => (s.date === null ? null : Number(s.date.slice(0, 4))))) ?? mode(this.upgradeYears);
    const resolve = (d: PendingDate | null): string | null => {
      if (d === null) return null;
      const year = d.year ?? corpusYear;
      return year === null ? null : formatPartialDate(year, d.month, d.day);
    };
    const conflicts: Conflict[] = [];

    // Level: upgrade sentences count three times a plain mention.
    const levelScore = new Map<string, number>();
    for (const l of this.levels) levelScore.set(l.level, (levelScore.get(l.level) ?? 0) + (l.upgrade ? 3 : 1));
    const level =
      [...levelScore.entries()].sort(
        (a, b) => b[1] - a[1] || (levelByName(b[0])?.rank ?? 0) - (levelByName(a[0])?.rank ?? 0),
      )[0]?.[0] ?? null;
    const upgrades = this.levels.filter((l) => l.upgrade && l.level === level);
    const dateVotes = new Map<string, number>();
    const explicitDates = new Map<string, Citation[]>();
    for (const u of upgrades) {
      const d = resolve(u.date);
      if (d === null) continue;
      dateVotes.set(d, (dateVotes.get(d) ?? 0) + u.dateWeight);
      if (u.dateWeight === 3) explicitDates.set(d, [...(explicitDates.get(d) ?? []), u.citation]);
    }
    const established =
      [...dateVotes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    if (explicitDates.size > 1) {
      conflicts.push({
        field: "partnership.established",
        about: "Sources give different dates for the upgrade.",
        values: [...explicitDates.keys()],
        citations: [...explicitDates.values()].map((cs) => cs[0]).filter((c): c is Citation => c !== undefined),
      });
    }
    // Places: "in London" in an upgrade sentence counts 3, a dateline 1.
    const place = [...this.places.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const partnershipCitations = new CitationSet();
    for (const u of upgrades) partnershipCitations.add(u.citation);
    for (const l of this.levels) if (l.level === level) partnershipCitations.add(l.citation);

    // History: earlier events, and the dated events of the visit itself.
    const estYear = established !== null ? Number(established.slice(0, 4)) : corpusYear;
    const history = this.history
      .map((h) => ({ h, date: resolve(h.date) }))
      .filter((x): x is { h: HistoryCluster; date: string } => {
        if (x.date === null) return false;
        const y = Number(x.date.slice(0, 4));
        if (estYear === null) return true;
        if (y < estYear) return true;
        return y === estYear && x.date.length === 10;
      })
      .sort((a, b) => a.date.localeCompare(b.date));
    let previousLevel = mode(upgrades.map((u) => u.previous));
    if (previousLevel === null && level !== null) {
      const rank = levelByName(level)?.rank ?? 0;
      const earlier = history.filter((x) => x.h.level !== null && (levelByName(x.h.level)?.rank ?? 0) < rank).at(-1);
      previousLevel = earlier?.h.level ?? null;
    }

    const { pillars, conflicts: pillarConflicts } = mergePillars(
      this.pillarLists.some((l) => l.weak !== true)
        ? this.pillarLists.filter((l) => l.weak !== true)
        : this.pillarLists,
    );
    conflicts.push(...pillarConflicts);
    const assigner = new PillarAssigner(pillars);

    // Acronyms used alone in a source cite the instrument they abbreviate.
    for (const inst of this.instruments) {
      for (const alias of [inst.name, ...inst.aliases]) {
        const mentions = this.acronymMentions.get(alias);
        if (mentions !== undefined) inst.citations.addAll(mentions.list());
      }
    }
    const partyKeys = new Set(parties.map(foldKey));
    const instruments = this.instruments
      .filter((i) => !partyKeys.has(foldKey(i.name)))
      .map((i) => ({
        name: i.name,
        aliases: [...i.aliases].filter((a) => a !== i.name),
        kind: i.kind,
        status: i.status,
        citations: i.citations.list(),
      }));

    const targets = this.targets.map((t) => ({
      text: t.text,
      quantity: t.quantity,
      deadline: t.deadline,
      citations: t.citations.list(),
    }));

    const people = this.buildPeople(parties);

    const commitments = this.commitments.map((c, k) => ({
      id: `C${k + 1}`,
      text: c.text,
      pillar: assigner.assign(c.text),
      actors:
        c.bothParties || c.actors.size === 0
          ? [...parties]
          : [...c.actors]
              .filter((a) => parties.includes(a))
              .concat(c.actors.size > 0 && ![...c.actors].some((a) => parties.includes(a)) ? [...parties] : []),
      deadline: c.deadline,
      citations: c.citations.list(),
    }));

    return {
      schema: "entente.digest/1",
      sources: this.sources,
      partnership: {
        parties,
        level,
        established,
        place,
        previous_level: previousLevel !== level ? previousLevel : null,
        citations: partnershipCitations.list(),
      },
      pillars,
      instruments,
      targets,
      people,
      history: history.map(({ h, date }) => ({ date, event: h.event, citations: h.citations.list() })),
      commitments,
      conflicts,
    };
  }

  private buildPeople(parties: string[]): Digest["people"] {
    // A one-word mention ("Lam", "Starmer") is the person whose name ends (or starts) with it.
    const full = this.people.filter((p) => foldKey(p.name).includes(" "));
    const merged: PersonCluster[] = [...full];
    for (const p of this.people) {
      if (full.includes(p)) continue;
      const key = foldKey(p.name);
      const owner = full.find((f) => {
        const words = foldKey(f.name).split(" ");
        return words.at(-1) === key || words[0] === key;
      });
      if (owner === undefined) {
        merged.push(p);
        continue;
      }
      owner.aliases.add(p.name);
      for (const a of p.aliases) owner.aliases.add(a);
      for (const [r, n] of p.roles) owner.roles.set(r, (owner.roles.get(r) ?? 0) + n);
      for (const [c, n] of p.countries) owner.countries.set(c, (owner.countries.get(c) ?? 0) + n);
      owner.citations.addAll(p.citations.list());
    }
    const vietNamIsParty = parties.includes("Viet Nam");
    return merged.map((p) => {
      const explicit = [...p.countries.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      let country: string | null = explicit ?? null;
      if (country === null && p.vietnamese) country = "Viet Nam";
      if (country === null && vietNamIsParty) country = parties.find((c) => c !== "Viet Nam") ?? null;
      const role = [...p.roles.keys()].sort((a, b) => b.length - a.length)[0] ?? null;
      const aliases = new Set<string>(p.aliases);
      for (const a of [p.name, ...p.aliases]) {
        const plain = stripDiacritics(a);
        if (plain !== a) aliases.add(plain);
      }
      aliases.delete(p.name);
      return { name: p.name, aliases: [...aliases], role, country, citations: p.citations.list() };
    });
  }
}

/**
 * Clusters that share a word with `stems`, from the five rarest words' posting
 * lists (most recent first, at most 300): a match shares most words, so it
 * shares a rare one, and common words ("trade") never make merging quadratic.
 */
function candidatesFrom(index: Map<string, TextCluster[]>, stems: Set<string>): TextCluster[] {
  const postings = [...stems].map((s) => index.get(s) ?? []).sort((a, b) => a.length - b.length);
  const out = new Set<TextCluster>();
  for (const p of postings.slice(0, 5))
    for (let i = p.length - 1; i >= 0 && i >= p.length - 300; i--) {
      const c = p[i];
      if (c !== undefined) out.add(c);
    }
  return [...out];
}

/**
 * Whether two commitments say the same thing: most words shared (Jaccard),
 * or the same deadline and two shared words, or the same named instrument
 * (an acronym of four or more letters) when one of them says little else.
 */
function commitmentSimilarity(c: TextCluster, stems: Set<string>, deadline: number | null, text: string): number {
  const j = jaccard(c.stems, stems);
  if (j >= 0.5) return j;
  const shared = [...stems].filter((s) => c.stems.has(s)).length;
  if (deadline !== null && deadline === c.deadline && shared >= 2) return 0.6;
  // The same multiple ("double two-way trade", "double bilateral trade turnover") of the same thing.
  const multiple = (t: string) => /\b(doubl|tripl|quadrupl|halv)/i.exec(t)?.[1]?.toLowerCase() ?? null;
  const m = multiple(text);
  if (m !== null && m === multiple(c.text) && shared >= 2) return 0.6;
  // A short statement whose words another statement mostly holds ("address illegal migration").
  if (shared >= 2 && Math.min(c.stems.size, stems.size) <= 3 && overlap(c.stems, stems) >= 0.66) return 0.55;
  const anchors = (t: string) =>
    new Set(t.match(/\b[A-Z][A-Za-z]*[A-Z]{2,}[A-Za-z]*\b/g)?.filter((a) => a.length >= 4) ?? []);
  const mine = anchors(text);
  if (mine.size > 0 && Math.min(c.stems.size, stems.size) <= 3 && [...anchors(c.text)].some((a) => mine.has(a)))
    return 0.55;
  return j;
}

/** The comparison key of an instrument name: no leading country pair, no article, singular, spelling unified. */
export function instrumentKey(name: string): string {
  return foldKey(stripCountries(name))
    .replace(/\bmemorand(?:a|ums)\b/g, "memorandum")
    .replace(/\bmous\b/g, "mou")
    .replace(/\bcenter\b/g, "centre")
    .replace(/\bprogram\b/g, "programme")
    .replace(/^the /, "")
    .trim();
}

function isBetterName(candidate: string, current: string): boolean {
  const acronym = (s: string) => /^[A-Z0-9 ]+$/.test(s) || (/^[A-Z][A-Za-z]*[A-Z]/.test(s) && !s.includes(" "));
  if (acronym(current) && !acronym(candidate)) return true;
  return false;
}

function mode<T>(xs: ReadonlyArray<T | null>): T | null {
  const counts = new Map<T, number>();
  for (const x of xs) if (x !== null) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | null = null;
  let bestN = 0;
  for (const [x, n] of counts) {
    if (n > bestN) {
      best = x;
      bestN = n;
    }
  }
  return best;
}
