/**
 * Rule-based extraction of partnership digests (docs/EXTRACTION.md).
 * Pure functions, no database: the CLI, the server and ingestion all call these.
 */
export { detectLanguage } from "./language.ts";
export { DigestBuilder } from "./digest-builder.ts";
export {
  type Citation,
  type Commitment,
  type Conflict,
  citationSchema,
  type Deadline,
  type Digest,
  type DigestSource,
  digestSchema,
  type HistoryEvent,
  type Instrument,
  type Language,
  type Partnership,
  type Person,
  type Pillar,
  type Target,
} from "./digest-schema.ts";
export { extractDigest, extractDocument } from "./extract-digest.ts";
export { extractDocumentFindings } from "./extract-document.ts";
export type { DocumentFindings } from "./findings.ts";
export { foldKey, stripDiacritics } from "./fold.ts";
export { MAX_SOURCE_BYTES, readSourceFile, type SourceFileProblem } from "./read-source-file.ts";
export { formatFromFileName, type SourceDocument, type SourceFormat } from "./source-document.ts";
