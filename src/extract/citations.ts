import type { Citation } from "./digest-schema.ts";

/**
 * The citations of one merged item: at most one per source (the first that
 * states it), so an item stated by three articles cites all three while a
 * corpus of thousands of files stays bounded.
 */
export class CitationSet {
  private readonly bySource = new Map<string, Citation>();

  add(c: Citation): void {
    if (this.bySource.has(c.source)) return;
    this.bySource.set(c.source, c.quote === undefined ? c : { ...c, quote: detach(c.quote) });
  }

  addAll(cs: Iterable<Citation>): void {
    for (const c of cs) this.add(c);
  }

  has(source: string): boolean {
    return this.bySource.has(source);
  }

  get size(): number {
    return this.bySource.size;
  }

  list(): Citation[] {
    return [...this.bySource.values()];
  }
}

/**
 * A copy of a string that shares no memory with the text it was cut from.
 * V8 keeps a slice of a large string as a view on the whole of it; a digest
 * merged from thousands of files would otherwise keep every file's text alive.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, "utf8").toString("utf8");
}
