import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { AppError, formatProblems } from "../../core/errors.ts";
import {
  type Digest,
  DigestBuilder,
  digestSchema,
  extractDocumentFindings,
  MAX_SOURCE_BYTES,
  readSourceFile,
  type SourceFileProblem,
} from "../../extract/index.ts";

interface ExtractOptions {
  json?: boolean;
  out?: string;
  skipBad?: boolean;
}

/**
 * `entente extract FILE... [--json] [--out FILE] [--skip-bad]`: reads source
 * documents about one partnership, one at a time (only the merged findings
 * are kept, so many large files stream), and prints the cited digest.
 * Nothing reaches stdout unless the whole run succeeds.
 */
export function registerExtractCommand(program: Command): void {
  program
    .command("extract")
    .description("extract a cited partnership digest from source texts (.txt, .md, .html)")
    .argument("<files...>", "source documents about one partnership")
    .option("--json", "print the digest as JSON on stdout")
    .option("--out <file>", "write the digest as JSON to a file")
    .option("--skip-bad", "skip files that cannot be read (listed on stderr) and extract the rest")
    .addHelpText(
      "after",
      `
Examples:
  entente extract article1.txt article2.html --json > digest.json
  entente extract sources/*.txt --out digest.json --skip-bad

Files must be UTF-8 text, at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB each. Exit codes: 0 ok, 1 unreadable input or
no partnership found, 2 usage error.`,
    )
    .action((files: string[], opts: ExtractOptions) => {
      const digest = extractFiles(files, opts.skipBad === true);
      const json = `${JSON.stringify(digest, null, 2)}\n`;
      if (opts.out !== undefined) writeAtomically(opts.out, json);
      if (opts.json) process.stdout.write(json);
      else process.stdout.write(summary(digest, opts.out));
    });
}

function extractFiles(files: string[], skipBad: boolean): Digest {
  const builder = new DigestBuilder();
  const problems: SourceFileProblem[] = [];
  const ids = new Set<string>();
  let good = 0;
  for (const file of files) {
    const doc = readSourceFile(file);
    if ("message" in doc) {
      problems.push(doc);
      continue;
    }
    // Two files with one name in different folders keep distinct source ids.
    const id = ids.has(doc.id) ? path.normalize(file) : doc.id;
    ids.add(id);
    const findings = extractDocumentFindings({ ...doc, id });
    if (findings.countryWeights.size < 2 && findings.levels.length === 0) {
      problems.push({
        message: "no partnership found (names fewer than two countries and no partnership level)",
        where: { file },
      });
      continue;
    }
    builder.add(findings);
    good++;
  }
  if (problems.length > 0 && !skipBad) {
    const what = problems.length === 1 ? "" : `${problems.length} files cannot be used:\n`;
    throw new AppError(
      "invalid",
      `${what}${formatProblems(problems)}${files.length > 1 ? "\n(use --skip-bad to extract the other files)" : ""}`,
      { problems },
    );
  }
  for (const p of problems) process.stderr.write(`entente: skipped ${formatProblems([p])}\n`);
  if (good === 0) throw new AppError("invalid", "no usable source file: nothing to extract");
  const digest = builder.build();
  if (digest.partnership.parties.length < 2) {
    throw new AppError("invalid", `no partnership found in ${files.join(", ")}: fewer than two countries are named`);
  }
  const checked = digestSchema.safeParse(digest);
  if (!checked.success)
    throw new AppError("internal", `the digest does not match its schema: ${checked.error.message}`);
  return checked.data;
}

function writeAtomically(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = e instanceof Error && "code" in e ? String(e.code) : "error";
    throw new AppError("invalid", `cannot write ${file} (${code})`);
  }
}

function summary(d: Digest, out: string | undefined): string {
  const p = d.partnership;
  const lines = [
    `${p.parties.join(" – ")}: ${p.level ?? "level not stated"}${p.established ? ` (${p.established}${p.place ? `, ${p.place}` : ""})` : ""}`,
    `${d.sources.length} source(s); ${d.pillars.length} pillars, ${d.instruments.length} instruments, ${d.targets.length} targets, ${d.people.length} people, ${d.history.length} history events, ${d.commitments.length} commitments, ${d.conflicts.length} conflicts`,
    ...d.pillars.map((x) => `  ${x.id} ${x.name}`),
    out !== undefined ? `Digest written to ${out}` : "Use --json for the full cited digest.",
  ];
  return `${lines.join("\n")}\n`;
}
