import fs from "node:fs";
import path from "node:path";
import type { Problem } from "../core/errors.ts";
import { formatFromFileName, type SourceDocument } from "./source-document.ts";

/** Files larger than this are refused before reading (50 MiB): articles are kilobytes. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

export type SourceFileProblem = Problem & { where: { file: string } };

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads one source file for extraction, or says why it cannot: missing, a
 * directory, over the size limit (checked before reading), empty, binary or
 * not valid UTF-8. Problems are returned, not thrown.
 */
export function readSourceFile(file: string): SourceDocument | SourceFileProblem {
  const problem = (message: string): SourceFileProblem => ({ message, where: { file } });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = e instanceof Error && "code" in e ? String(e.code) : "";
    if (code === "ENOENT" || code === "ENOTDIR") return problem("no such file");
    if (code === "EACCES" || code === "EPERM") return problem("permission denied");
    return problem(`cannot read (${code || "unknown error"})`);
  }
  if (stat.isDirectory()) return problem("is a directory, not a file");
  if (!stat.isFile()) return problem("is not a regular file");
  if (stat.size > MAX_SOURCE_BYTES) {
    return problem(
      `is ${(stat.size / 1024 / 1024).toFixed(0)} MB, over the ${MAX_SOURCE_BYTES / 1024 / 1024} MB limit for one source`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = e instanceof Error && "code" in e ? String(e.code) : "";
    return problem(code === "EACCES" ? "permission denied" : `cannot read (${code || "unknown error"})`);
  }
  if (bytes.length === 0) return problem("is empty");
  if (looksBinary(bytes)) return problem("looks binary, not text");
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return problem("is not valid UTF-8 text");
  }
  if (text.charCodeAt(0) === 0xfeff) {
    // TextDecoder drops a BOM by default; keep offsets identical to fs.readFileSync(file, "utf8").
    text = bytes.toString("utf8");
  }
  if (text.trim().length === 0) return problem("is empty (only whitespace)");
  return { id: path.basename(file), text, format: formatFromFileName(file) };
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.05;
}
