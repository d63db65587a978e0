import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Digest, extractDigest, foldKey, formatFromFileName } from "./index.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/extract");

interface Case {
  files: string[];
  language?: "en" | "vi";
  parties: string[];
  level: string;
  established: string;
  place: string;
  previous_level?: string;
  people: Array<[string, string, string]>;
  instruments: string[];
  targets: string[][];
  history: string[];
  commitments: string[][];
  minPillars?: number;
  mergedAcrossSources?: string[];
}

const cases: Case[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, "expected.json"), "utf8")).cases;

const load = (files: string[]) =>
  files.map((f) => ({ id: f, text: fs.readFileSync(path.join(FIXTURES, f), "utf8"), format: formatFromFileName(f) }));

/** Every key (accent- and case-insensitive) is in the text. */
const holds = (text: string, keys: string[]) => keys.every((k) => ` ${foldKey(text)} `.includes(foldKey(k)));

describe.each(cases)("extraction generalises to $files", (c) => {
  const digest: Digest = extractDigest(load(c.files));

  it("finds the parties, level, date and place of the upgrade", () => {
    expect([...digest.partnership.parties].sort()).toEqual([...c.parties].sort());
    expect(digest.partnership.level).toBe(c.level);
    expect(digest.partnership.established).toBe(c.established);
    expect(digest.partnership.place).toBe(c.place);
    if (c.previous_level !== undefined) expect(digest.partnership.previous_level).toBe(c.previous_level);
    if (c.language !== undefined) expect(digest.sources.map((s) => s.language)).toEqual([c.language]);
  });

  it("finds the people with their country and role", () => {
    for (const [name, country, role] of c.people) {
      const person = digest.people.find((p) => [p.name, ...p.aliases].some((n) => foldKey(n) === foldKey(name)));
      expect(person, name).toBeDefined();
      expect(person?.country, name).toBe(country);
      expect(holds(person?.role ?? "", [role]), `${name}: ${person?.role}`).toBe(true);
    }
  });

  it("finds the instruments, targets, history and commitments", () => {
    const instrumentTexts = digest.instruments.map((i) => [i.name, ...i.aliases].join(" | "));
    for (const key of c.instruments)
      expect(
        instrumentTexts.some((t) => holds(t, [key])),
        key,
      ).toBe(true);
    for (const keys of c.targets)
      expect(
        digest.targets.some((t) => holds(`${t.text} ${t.deadline ?? ""}`, keys)),
        keys.join("+"),
      ).toBe(true);
    for (const year of c.history)
      expect(
        digest.history.some((h) => h.date.startsWith(year)),
        year,
      ).toBe(true);
    for (const keys of c.commitments)
      expect(
        digest.commitments.some((x) => holds(x.text, keys)),
        keys.join("+"),
      ).toBe(true);
    if (c.minPillars !== undefined) expect(digest.pillars.length).toBeGreaterThanOrEqual(c.minPillars);
  });

  it("merges what several sources say into one item citing each", () => {
    for (const key of c.mergedAcrossSources ?? []) {
      const items = digest.commitments.filter((x) => holds(x.text, [key]));
      expect(items).toHaveLength(1);
      expect(new Set(items[0]?.citations.map((x) => x.source)).size).toBe(c.files.length);
    }
  });
});
