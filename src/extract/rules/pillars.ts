import { type DocumentContext, cite, lowerOf, rawOf } from "../document-context.ts";
import type { PillarItemFinding, PillarListFinding } from "../findings.ts";

const CUE =
  /\b(pillars?|key areas|priority areas|core areas|main areas|major areas|focus areas|key fields|priority fields|areas of cooperation|cooperation areas|fields of cooperation|pillars of cooperation|tru cot|linh vuc uu tien|linh vuc hop tac)\b/g;
const INTRODUCER =
  /:|\b(?:which are|namely|including|encompassing|covering|comprising|such as|spanning|gom|bao gom)\b/g;

/**
 * Finds a named list of pillars or key areas: after the cue ("six key
 * pillars", "priority areas") comes a list after a colon or "which are /
 * namely / encompassing", or, when the sentence ends with a colon, the bullet
 * lines that follow (their headings before ":" are the pillars).
 */
export function findPillarList(ctx: DocumentContext, index: number): PillarListFinding | null {
  const s = ctx.sentences[index];
  if (s === undefined) return null;
  const lower = lowerOf(ctx, s.start, s.end);
  CUE.lastIndex = 0;
  let lastCue: RegExpExecArray | null = null;
  for (let m = CUE.exec(lower); m !== null; m = CUE.exec(lower)) lastCue = m;
  if (lastCue === null) return null;
  INTRODUCER.lastIndex = lastCue.index + lastCue[0].length;
  const intro = INTRODUCER.exec(lower);
  if (intro === null) return null;
  const listStart = s.start + intro.index + intro[0].length;
  const rest = lowerOf(ctx, listStart, s.end).trim();
  if (rest.length < 3 && intro[0] === ":") return bulletList(ctx, index);
  const items = splitList(ctx, listStart, s.end);
  if (items.length < 2) return null;
  return { items, citation: cite(ctx, s.start, s.end) };
}

function bulletList(ctx: DocumentContext, index: number): PillarListFinding | null {
  const items: PillarItemFinding[] = [];
  const head = ctx.sentences[index];
  if (head === undefined) return null;
  let last = head;
  for (let i = index + 1; i < ctx.sentences.length && items.length < 12; i++) {
    const b = ctx.sentences[i];
    if (b === undefined || !b.lineStart) {
      if (b !== undefined && !b.lineStart && items.length > 0) continue;
      break;
    }
    if (!b.bullet) break;
    const line = ctx.folded.plain.slice(b.start, b.end);
    const colon = line.indexOf(":");
    const bulletMark = /^[•▪◦●‣∙·*\-–—]\s*/.exec(line)?.[0].length ?? 0;
    const end = colon > 0 && colon < 100 ? b.start + colon : b.end;
    const text = cleanItem(rawOf(ctx, b.start + bulletMark, end));
    if (text.length === 0 || text.length > 120) break;
    items.push({ text, citation: cite(ctx, b.start, b.end) });
    last = b;
  }
  if (items.length < 2) return null;
  return { items, citation: cite(ctx, head.start, last.end) };
}

function splitList(ctx: DocumentContext, from: number, to: number): PillarItemFinding[] {
  const lower = ctx.folded.lower;
  const bySemicolon = lower.slice(from, to).includes(";");
  const sep = bySemicolon ? /;/g : /,/g;
  const parts: Array<[number, number]> = [];
  let start = from;
  const slice = lower.slice(from, to);
  sep.lastIndex = 0;
  for (let m = sep.exec(slice); m !== null; m = sep.exec(slice)) {
    parts.push([start, from + m.index]);
    start = from + m.index + 1;
  }
  parts.push([start, to]);
  if (!bySemicolon) {
    // "a, b and c": the last comma part may join two items with "and".
    const lastPart = parts[parts.length - 1];
    if (lastPart !== undefined && parts.length >= 2) {
      const text = lower.slice(lastPart[0], lastPart[1]);
      const and = text.search(/\s(?:and|&)\s/);
      if (and > 0 && !/^\s*(?:and|&)\s/.test(text)) {
        parts.splice(parts.length - 1, 1, [lastPart[0], lastPart[0] + and], [lastPart[0] + and, lastPart[1]]);
      }
    }
  }
  const out: PillarItemFinding[] = [];
  for (const [a, b] of parts) {
    const text = cleanItem(rawOf(ctx, a, b));
    if (text.length < 3 || text.length > 160) continue;
    out.push({ text, citation: cite(ctx, a, b) });
  }
  return out;
}

/** Strips the verb phrase around an area ("strengthening collaboration in politics" → "politics"). */
export function cleanItem(text: string): string {
  let t = text
    .trim()
    .replace(/^(?:and|or|as well as)\s+/i, "")
    .replace(/[.;:,]+$/, "")
    .trim();
  t = t.replace(
    /^(?:[a-z]+ing\s+together\s+(?:on|in)\s+|[a-z]+ing\s+(?:[a-z-]+\s+){0,3}?(?:in|on|across|for)\s+)/i,
    "",
  );
  t = t.replace(/,?\s+(?:and|&)\s+other\s+(?:fields|areas|sectors)$/i, "").replace(/\s+etc$/i, "");
  t = t.replace(/^(?:the|a|an)\s+/i, "");
  return t.length > 0 ? t.charAt(0).toUpperCase() + t.slice(1) : t;
}

const AREA_CUE =
  /\b(?:cooperation|collaboration|partnership|ties|relations|engagement)\s+(?:in|on|across|covering|spanning)\s+(?:the\s+)?(?:(?:areas|fields|sectors)\s+(?:of|such as|including)\s+)?/;

/**
 * A list of cooperation areas ("cooperation in defence, trade, energy and
 * education"): the partnership's fields when no source names its pillars.
 */
export function findAreaList(ctx: DocumentContext, index: number): PillarListFinding | null {
  const s = ctx.sentences[index];
  if (s === undefined) return null;
  const m = AREA_CUE.exec(lowerOf(ctx, s.start, s.end));
  if (m === null) return null;
  const from = s.start + m.index + m[0].length;
  const items = splitList(ctx, from, s.end).filter((i) => i.text.split(/\s+/).length <= 8);
  if (items.length < 3) return null;
  return { items, citation: cite(ctx, s.start, s.end), weak: true };
}
