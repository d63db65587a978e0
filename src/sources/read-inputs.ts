import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Problem } from "../core/errors.ts";
import { formatFromFileName, readSourceFile, type SourceFormat } from "../extract/index.ts";

/** One text to ingest, with what is known about it from outside the text. */
export interface SourceInput {
  /** File name, URL or feed entry link: how the user named it. */
  name: string;
  text: string;
  format: SourceFormat;
  title?: string | undefined;
  publishedOn?: string | undefined;
  url?: string | undefined;
  publisher?: string | undefined;
}

const SOURCE_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom"];
const isFeedName = (name: string) => /\.(xml|rss|atom)$/i.test(name);

/**
 * Expands files, directories (their source files, sorted) and http(s) URLs
 * into texts to ingest. RSS and Atom feeds become one input per entry.
 * Problems are collected per argument, never thrown, so one bad file does
 * not hide the others.
 */
export async function readInputs(args: readonly string[]): Promise<{ inputs: SourceInput[]; problems: Problem[] }> {
  const inputs: SourceInput[] = [];
  const problems: Problem[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      const r = await fetchUrl(arg);
      if ("message" in r) problems.push(r);
      else inputs.push(...r);
      continue;
    }
    let files = [arg];
    if (fs.existsSync(arg) && fs.statSync(arg).isDirectory()) {
      files = fs
        .readdirSync(arg)
        .filter((f) => SOURCE_EXTENSIONS.some((ext) => f.toLowerCase().endsWith(ext)))
        .sort()
        .map((f) => path.join(arg, f));
      if (files.length === 0)
        problems.push({ message: "directory has no .txt, .md, .html or feed files", where: { file: arg } });
    }
    for (const file of files) {
      const doc = readSourceFile(file);
      if ("message" in doc) {
        problems.push(doc);
        continue;
      }
      if (isFeedName(file)) {
        const entries = parseFeed(doc.text, file);
        if ("message" in entries) problems.push(entries);
        else inputs.push(...entries);
      } else {
        inputs.push({ name: path.basename(file), text: doc.text, format: doc.format ?? "txt" });
      }
    }
  }
  return { inputs, problems };
}

async function fetchUrl(url: string): Promise<SourceInput[] | Problem> {
  const problem = (message: string): Problem => ({ message, where: { file: url } });
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "follow" });
  } catch (e) {
    return problem(`unreachable (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!res.ok) return problem(`HTTP ${res.status} ${res.statusText}`);
  const type = res.headers.get("content-type") ?? "";
  const text = await res.text();
  if (/xml|rss|atom/i.test(type) || isFeedName(new URL(url).pathname)) return parseFeed(text, url);
  const format: SourceFormat = /html/i.test(type) ? "html" : formatFromFileName(new URL(url).pathname);
  return [{ name: url, text, format, url }];
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text" });

/**
 * Turns an RSS 2.0 or Atom feed into one input per entry; the entry's
 * content (or description) is the source text, stored as HTML.
 */
export function parseFeed(text: string, name: string): SourceInput[] | Problem {
  const problem = (message: string): Problem => ({ message, where: { file: name } });
  let doc: unknown;
  try {
    doc = xml.parse(text, true);
  } catch (e) {
    return problem(`not a valid XML feed (${e instanceof Error ? e.message.split("\n")[0] : "parse error"})`);
  }
  const rss = get(doc, "rss", "channel");
  const atom = get(doc, "feed");
  const entries = rss ? list(get(rss, "item")) : atom ? list(get(atom, "entry")) : null;
  if (!entries) return problem("is XML but not an RSS or Atom feed");
  const publisher = str(get(rss ?? atom, "title"));
  const out: SourceInput[] = [];
  for (const e of entries) {
    const body =
      str(get(e, "content:encoded")) ?? str(get(e, "content")) ?? str(get(e, "description")) ?? str(get(e, "summary"));
    if (!body?.trim()) continue;
    const link = str(get(e, "link")) ?? str(get(get(e, "link"), "@href"));
    const date = str(get(e, "pubDate")) ?? str(get(e, "published")) ?? str(get(e, "updated"));
    const parsed = date ? new Date(date) : null;
    out.push({
      name: link ?? `${name}#${out.length + 1}`,
      text: body,
      format: "html",
      title: str(get(e, "title")),
      publishedOn: parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString().slice(0, 10) : undefined,
      url: link,
      publisher,
    });
  }
  if (out.length === 0) return problem("feed has no entries with text");
  return out;
}

function get(value: unknown, ...keys: string[]): unknown {
  let v = value;
  for (const k of keys) {
    if (v === null || typeof v !== "object" || !(k in v)) return undefined;
    const next: unknown = Reflect.get(v, k);
    v = next;
  }
  return v;
}
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
function str(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  const t = get(v, "#text");
  return typeof t === "string" ? t : undefined;
}
