import type { SourceFormat } from "./source-document.ts";

/**
 * Turns a raw source into analysable text of exactly the same length, so an
 * index into one is an index into the other. Markup is blanked out: HTML tags
 * become spaces (block tags a line break), scripts, styles and comments
 * vanish, entities become their character padded with spaces; Markdown
 * emphasis, heading marks and link targets are blanked.
 */
export function prepareText(raw: string, format: SourceFormat): string {
  if (format === "html") return maskHtml(raw);
  if (format === "md") return maskMarkdown(raw);
  return raw;
}

const blank = (s: string): string => s.replace(/[^\n]/g, " ");

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "tr",
  "td",
  "th",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "title",
  "figcaption",
  "figure",
  "nav",
  "main",
  "aside",
  "hr",
  "dd",
  "dt",
  "pre",
  "body",
  "html",
  "head",
]);

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  rsquo: "’",
  lsquo: "‘",
  ldquo: "“",
  rdquo: "”",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  bull: "•",
  middot: "·",
  eacute: "é",
  agrave: "à",
  aacute: "á",
};

function maskHtml(raw: string): string {
  let out = raw.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, blank);
  out = out.replace(/<!--[\s\S]*?-->/g, blank);
  out = out.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>|<![^<>]*>|<\?[^<>]*>/g, (tag: string, name?: string) => {
    const spaces = blank(tag);
    if (name !== undefined && BLOCK_TAGS.has(name.toLowerCase())) return `\n${spaces.slice(1)}`;
    return spaces;
  });
  return out.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (entity: string, body: string) => {
    let ch: string | undefined;
    if (body.startsWith("#x") || body.startsWith("#X")) ch = safeChar(Number.parseInt(body.slice(2), 16));
    else if (body.startsWith("#")) ch = safeChar(Number.parseInt(body.slice(1), 10));
    else ch = ENTITIES[body.toLowerCase()];
    if (ch === undefined || ch.length !== 1) return blank(entity);
    return ch + " ".repeat(entity.length - 1);
  });
}

function safeChar(code: number): string | undefined {
  if (!Number.isFinite(code) || code <= 0 || code > 0xffff) return undefined;
  return String.fromCharCode(code);
}

function maskMarkdown(raw: string): string {
  let out = raw.replace(/^(\s{0,3})(#{1,6}|>|[-*+](?=\s))/gm, (m) =>
    m.trimStart().startsWith("-") || m.trimStart().startsWith("*") || m.trimStart().startsWith("+")
      ? m.replace(/[-*+]/, "•")
      : blank(m),
  );
  out = out.replace(
    /!?\[([^\]\n]*)\]\(([^)\n]*)\)/g,
    (m, text: string) => ` ${text}${blank(m.slice(text.length + 1))}`,
  );
  out = out.replace(/\*\*|__|`+/g, blank);
  out = out.replace(/(^|[\s(])[*_](?=\S)|(?<=\S)[*_](?=[\s.,;:!?)]|$)/gm, (m) => m.replace(/[*_]/, " "));
  return out;
}

/** Spans of raw HTML markup, so citations can avoid crossing a tag. */
export function markupSpans(raw: string, format: SourceFormat): Array<[number, number]> {
  if (format !== "html") return [];
  const spans: Array<[number, number]> = [];
  for (const m of raw.matchAll(/<[^<>]*>/g)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}
