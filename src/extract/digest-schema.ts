import { z } from "zod";

/**
 * The partnership digest (shared/contract/DIGEST.md, schema "entente.digest/1").
 * The zod schema is the type: ingestion, the server and the CLI import
 * `Digest` and `digestSchema` from here and never restate the shape.
 */

/** A partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");

/** A deadline: a year as a number (2050), or a partial date string when a month is known. */
export const deadlineSchema = z.union([z.number().int(), partialDateSchema]).nullable();

/**
 * A span of one source: `start`/`end` are UTF-16 indices into the source text
 * exactly as read (no normalisation); `quote === text.slice(start, end)`.
 */
export const citationSchema = z.object({
  source: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string().optional(),
});

export const languageSchema = z.enum(["en", "vi"]);

export const digestSourceSchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  date: partialDateSchema.nullable(),
  language: languageSchema,
  chars: z.number().int().nonnegative(),
});

export const partnershipSchema = z.object({
  parties: z.array(z.string()),
  level: z.string().nullable(),
  established: partialDateSchema.nullable(),
  place: z.string().nullable(),
  previous_level: z.string().nullable(),
  citations: z.array(citationSchema),
});

export const pillarSchema = z.object({
  id: z.string(),
  name: z.string(),
  variants: z.array(z.string()),
  citations: z.array(citationSchema),
});

export const instrumentSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.string(),
  status: z.string().nullable(),
  citations: z.array(citationSchema),
});

export const targetSchema = z.object({
  text: z.string(),
  quantity: z.string().nullable(),
  deadline: deadlineSchema,
  citations: z.array(citationSchema),
});

export const personSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  role: z.string().nullable(),
  country: z.string().nullable(),
  citations: z.array(citationSchema),
});

export const historyEventSchema = z.object({
  date: partialDateSchema,
  event: z.string(),
  citations: z.array(citationSchema),
});

export const commitmentSchema = z.object({
  id: z.string(),
  text: z.string(),
  pillar: z.string().nullable(),
  actors: z.array(z.string()),
  deadline: deadlineSchema,
  citations: z.array(citationSchema),
});

export const conflictSchema = z.object({
  field: z.string(),
  about: z.string(),
  values: z.array(z.string()),
  citations: z.array(citationSchema),
});

export const digestSchema = z.object({
  schema: z.literal("entente.digest/1"),
  sources: z.array(digestSourceSchema),
  partnership: partnershipSchema,
  pillars: z.array(pillarSchema),
  instruments: z.array(instrumentSchema),
  targets: z.array(targetSchema),
  people: z.array(personSchema),
  history: z.array(historyEventSchema),
  commitments: z.array(commitmentSchema),
  conflicts: z.array(conflictSchema),
});

export type Citation = z.infer<typeof citationSchema>;
export type Language = z.infer<typeof languageSchema>;
export type DigestSource = z.infer<typeof digestSourceSchema>;
export type Partnership = z.infer<typeof partnershipSchema>;
export type Pillar = z.infer<typeof pillarSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Person = z.infer<typeof personSchema>;
export type HistoryEvent = z.infer<typeof historyEventSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type Conflict = z.infer<typeof conflictSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type Digest = z.infer<typeof digestSchema>;
