/** One input text about a partnership. `text` is the raw file content; every citation indexes into it. */
export interface SourceDocument {
  id: string;
  text: string;
  title?: string;
  /** Publication date (YYYY, YYYY-MM or YYYY-MM-DD) when known from outside the text. */
  date?: string;
  format?: SourceFormat;
}

export type SourceFormat = "txt" | "md" | "html";

/** Picks the format from a file name's extension; plain text when unknown. */
export function formatFromFileName(name: string): SourceFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) return "html";
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return "md";
  return "txt";
}
