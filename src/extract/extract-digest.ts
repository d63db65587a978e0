import { DigestBuilder } from "./digest-builder.ts";
import type { Digest } from "./digest-schema.ts";
import { extractDocumentFindings } from "./extract-document.ts";
import type { SourceDocument } from "./source-document.ts";

/**
 * Extracts the cited digest of one partnership from its source documents.
 * Pure and synchronous; every citation indexes into the `text` it was given.
 *
 * @example
 *   const digest = extractDigest([{ id: "a.txt", text: fs.readFileSync("a.txt", "utf8") }]);
 *   digest.partnership.level; // "Comprehensive Strategic Partnership"
 */
export function extractDigest(docs: readonly SourceDocument[]): Digest {
  const builder = new DigestBuilder();
  for (const doc of docs) builder.add(extractDocumentFindings(doc));
  return builder.build();
}

/**
 * The digest of a single document, e.g. a later article to match against an
 * existing plan: the same shape, with parties, commitments and instruments as
 * this one text states them.
 */
export function extractDocument(doc: SourceDocument): Digest {
  return extractDigest([doc]);
}
