/**
 * Extraction speed and memory.
 *
 * 1. Throughput: a ~5 MB corpus of partnership-like articles generated from
 *    templates (deterministic), through `extractDigest`, and through a
 *    baseline pipeline of wink-nlp (sentences + entities); prints chars/s and
 *    the ratio (goal ≥ 2×).
 * 2. Streaming memory: ~100 MB of such articles across many files, extracted
 *    one file at a time like the CLI does, in a child process; prints its peak
 *    RSS (goal < 1 GB).
 *
 * `--quick` uses 1 MB and 20 MB.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { DigestBuilder, extractDigest, extractDocumentFindings, readSourceFile } from "../src/extract/index.ts";
import type { SourceDocument } from "../src/extract/index.ts";

const quick = process.argv.includes("--quick");

/** A small seeded PRNG (mulberry32) so every run reads the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTNERS = [
  ["Australia", "Australian", "Canberra", "Prime Minister", "Anthony Albanese"],
  ["France", "French", "Paris", "President", "Emmanuel Macron"],
  ["Japan", "Japanese", "Tokyo", "Prime Minister", "Kishida Fumio"],
  ["the United States", "American", "Washington", "President", "Joe Biden"],
  ["Indonesia", "Indonesian", "Jakarta", "President", "Prabowo Subianto"],
  ["the Republic of Korea", "Korean", "Seoul", "President", "Yoon Suk Yeol"],
  ["Singapore", "Singaporean", "Singapore", "Prime Minister", "Lawrence Wong"],
  ["India", "Indian", "New Delhi", "Prime Minister", "Narendra Modi"],
  ["Germany", "German", "Berlin", "Chancellor", "Olaf Scholz"],
  ["Malaysia", "Malaysian", "Kuala Lumpur", "Prime Minister", "Anwar Ibrahim"],
] as const;
const LEADERS = ["Tô Lâm", "Phạm Minh Chính", "Lương Cường", "Nguyễn Phú Trọng", "Võ Văn Thưởng"];
const AREAS = [
  "defence and security",
  "trade and investment",
  "energy transition",
  "digital transformation",
  "education and training",
  "climate resilience",
  "agriculture",
  "health care",
  "tourism",
  "labour mobility",
  "critical minerals",
  "semiconductors",
];
const LEVELS = ["Comprehensive Strategic Partnership", "Strategic Partnership", "Comprehensive Partnership"];
const MONTHS = ["January", "March", "May", "July", "September", "November"];

function article(r: () => number, n: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const [country, demonym, city, title, leader] = pick(PARTNERS);
  const year = 2013 + Math.floor(r() * 13);
  const areas = [...AREAS].sort(() => r() - 0.5).slice(0, 5);
  const paragraphs = [
    `Viet Nam and ${country} raise ties to ${pick(LEVELS)} (report ${n})`,
    `${city.toUpperCase()} — ${title} ${leader} and General Secretary ${pick(LEADERS)} agreed on ${pick(MONTHS)} ${1 + Math.floor(r() * 28)}, ${year} to elevate relations between Viet Nam and ${country} to a ${pick(LEVELS)}, after talks in ${city}.`,
    `The two countries set up diplomatic relations in ${1950 + Math.floor(r() * 45)} and agreed a Strategic Partnership in ${year - 1 - Math.floor(r() * 8)}.`,
    `In their joint statement the leaders named five priority areas: ${areas.slice(0, 4).join("; ")}; and ${areas[4]}.`,
    `Both sides agreed to double two-way trade to US$${10 + Math.floor(r() * 90)} billion by ${year + 5} and to open a new consulate in Da Nang.`,
    `${country.replace(/^the /, "The ")} will provide ${100 + Math.floor(r() * 900)} scholarships a year to Vietnamese students and pledged to support Viet Nam's goal of net zero emissions by 2050.`,
    `The ${demonym} side committed to implement the ${demonym}–Viet Nam Memorandum of Understanding on ${pick(AREAS)} and to expand cooperation on ${pick(AREAS)} and ${pick(AREAS)}.`,
    `Minister of Foreign Affairs Bùi Thanh Sơn said the visit marked a milestone, while ${demonym} officials stressed the importance of ${pick(AREAS)} for regional stability.`,
    `Businesses from both countries signed ${2 + Math.floor(r() * 20)} agreements on ${pick(AREAS)}, ${pick(AREAS)} and ${pick(AREAS)} during a forum attended by more than ${100 + Math.floor(r() * 500)} delegates.`,
    `Observers noted that ${country} is among Viet Nam's ten largest investors, with projects in ${pick(AREAS)} and ${pick(AREAS)} across the northern provinces.`,
  ];
  return `${paragraphs.join("\n")}\n`;
}

function corpus(bytes: number, seed: number): SourceDocument[] {
  const r = rng(seed);
  const docs: SourceDocument[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    let text = "";
    while (text.length < 5000) text += article(r, n);
    docs.push({ id: `doc-${n}.txt`, text });
    size += text.length;
  }
  return docs;
}

const fmt = (x: number) => `${(x / 1e6).toFixed(2)} M chars/s`;

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

function throughput(): void {
  const docs = corpus(quick ? 1e6 : 5e6, 42);
  const chars = docs.reduce((s, d) => s + d.text.length, 0);
  extractDigest(docs.slice(0, 20)); // warm up
  const ours = time(() => extractDigest(docs));
  const nlp = winkNLP(model);
  const its = nlp.its;
  nlp
    .readDoc(docs[0]?.text ?? "")
    .entities()
    .out(its.value);
  const wink = time(() => {
    for (const d of docs) {
      const doc = nlp.readDoc(d.text);
      doc.sentences().out();
      doc.entities().out(its.value);
    }
  });
  process.stdout.write(`corpus: ${docs.length} documents, ${(chars / 1e6).toFixed(1)} M chars\n`);
  process.stdout.write(`extractDigest:                 ${fmt(chars / ours)} (${ours.toFixed(2)} s)\n`);
  process.stdout.write(`wink-nlp sentences + entities: ${fmt(chars / wink)} (${wink.toFixed(2)} s)\n`);
  const ratio = wink / ours;
  process.stdout.write(`ratio: ${ratio.toFixed(2)}× the baseline (goal ≥ 2×: ${ratio >= 2 ? "met" : "NOT met"})\n`);
}

function streamingMemory(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-bench-"));
  try {
    const target = quick ? 20e6 : 100e6;
    const r = rng(7);
    let size = 0;
    for (let n = 0; size < target; n++) {
      let text = "";
      while (text.length < 50_000) text += article(r, n);
      fs.writeFileSync(path.join(dir, `article-${String(n).padStart(5, "0")}.txt`), text);
      size += Buffer.byteLength(text);
    }
    const t0 = performance.now();
    const child = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--stream-worker", dir], {
      encoding: "utf8",
    });
    const seconds = (performance.now() - t0) / 1000;
    if (child.status !== 0) {
      process.stdout.write(`streaming worker failed: ${child.stderr}\n`);
      process.exitCode = 1;
      return;
    }
    const { files, maxRssMb } = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}");
    process.stdout.write(
      `streaming: ${files} files, ${(size / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s, peak RSS ${maxRssMb.toFixed(0)} MB (goal < 1024 MB: ${maxRssMb < 1024 ? "met" : "NOT met"})\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One file at a time, as `entente extract` reads them: only merged findings stay in memory. */
function streamWorker(dir: string): void {
  const builder = new DigestBuilder();
  const files = fs.readdirSync(dir).sort();
  for (const f of files) {
    const doc = readSourceFile(path.join(dir, f));
    if ("message" in doc) throw new Error(doc.message);
    builder.add(extractDocumentFindings(doc));
  }
  const digest = builder.build();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ files: files.length, items: digest.commitments.length, maxRssMb })}\n`);
}

const workerAt = process.argv.indexOf("--stream-worker");
if (workerAt >= 0) streamWorker(process.argv[workerAt + 1] ?? ".");
else {
  throughput();
  streamingMemory();
}
