import type { Citation } from "./digest-schema.ts";

/**
 * The citations of one merged item: at most one per source (the first that
 * states it), so an item stated by three articles cites all three while a
 * corpus of thousands of files stays bounded.
 */
export class CitationSet {
  private readonly bySource = new Map<string, Citation>();

  add(c: Citation): void {
    if (!this.bySource.has(c.source)) this.bySource.set(c.source, c);
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
