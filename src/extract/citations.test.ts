import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Citation, digestSchema, extractDigest, formatFromFileName } from "./index.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/extract");
const SEEDS = path.resolve(process.cwd(), "../shared/seeds");

function corpora(): Array<[string, string[]]> {
  const fixtureFiles = fs.readdirSync(FIXTURES).filter((f) => /\.(txt|md|html)$/.test(f));
  const out: Array<[string, string[]]> = fixtureFiles.map((f) => [f, [path.join(FIXTURES, f)]]);
  out.push(["all fixtures together", fixtureFiles.map((f) => path.join(FIXTURES, f))]);
  if (fs.existsSync(SEEDS)) out.push(["the seeds", fs.readdirSync(SEEDS).map((f) => path.join(SEEDS, f))]);
  return out;
}

function allCitations(value: unknown): Citation[] {
  if (Array.isArray(value)) return value.flatMap(allCitations);
  if (value === null || typeof value !== "object") return [];
  const out: Citation[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === "citations" && Array.isArray(v)) out.push(...v);
    else out.push(...allCitations(v));
  }
  return out;
}

describe.each(corpora())("citations on %s", (_name, files) => {
  const texts = new Map(files.map((f) => [path.basename(f), fs.readFileSync(f, "utf8")]));
  const digest = extractDigest(
    files.map((f) => ({
      id: path.basename(f),
      text: texts.get(path.basename(f)) ?? "",
      format: formatFromFileName(f),
    })),
  );

  it("produces a digest that matches the schema", () => {
    expect(digestSchema.safeParse(digest).success).toBe(true);
  });

  it("quotes exactly text.slice(start, end) of the raw file, at most 800 characters, no HTML tag", () => {
    const citations = allCitations(digest);
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      const text = texts.get(c.source);
      expect(text, c.source).toBeDefined();
      expect(c.quote).toBe(text?.slice(c.start, c.end));
      expect(c.end - c.start).toBeLessThanOrEqual(800);
      expect(c.quote).not.toMatch(/<[a-z/!][^>]*>/i);
    }
  });

  it("gives every item at least one citation", () => {
    for (const list of [
      digest.pillars,
      digest.instruments,
      digest.targets,
      digest.people,
      digest.history,
      digest.commitments,
    ]) {
      for (const item of list) expect(item.citations.length).toBeGreaterThan(0);
    }
  });
});
