import { z } from "zod";

export const countryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as VN or GB"));

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD");

export const slugSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens");

export const levelEntrySchema = z.object({
  level: z.string().trim().min(1).max(200),
  since: partialDate.nullable().default(null),
  place: z.string().trim().max(200).nullable().default(null),
  document: z.string().trim().max(500).nullable().default(null),
  sourceUrl: z.url().max(2000).nullable().default(null),
});

export const newPartnershipSchema = z.object({
  slug: slugSchema.optional(),
  parties: z.tuple([countryCode, countryCode]).refine(([a, b]) => a !== b, "the two parties must differ"),
  title: z.string().trim().min(1).max(300).optional(),
  level: z.string().trim().min(1).max(200).nullable().default(null),
  since: partialDate.nullable().default(null),
  place: z.string().trim().max(200).nullable().default(null),
  foundingDocument: z.string().trim().max(500).nullable().default(null),
  /** Earlier levels, oldest first; the current level is added from `level`/`since`. */
  history: z.array(levelEntrySchema).max(20).default([]),
  settings: z.object({ singleSideSignoff: z.boolean().default(false) }).default({ singleSideSignoff: false }),
});
export type NewPartnershipInput = z.input<typeof newPartnershipSchema>;

export const slugParamsSchema = z.object({ slug: slugSchema });
/** `/api/partnerships/:slug/<things>/:id` */
export const idParamsSchema = slugParamsSchema.extend({ id: z.coerce.number().int().positive() });

export const partySchema = z.object({ code: z.string(), name: z.string(), nameVi: z.string() });

export const partnershipSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  parties: z.array(partySchema),
  level: z.string().nullable(),
  established: z.string().nullable(),
  place: z.string().nullable(),
});

export const partnershipDetailSchema = partnershipSummarySchema.extend({
  previousLevel: z.string().nullable(),
  foundingDocument: z.string().nullable(),
  settings: z.object({ singleSideSignoff: z.boolean() }),
  levels: z.array(
    z.object({
      level: z.string(),
      since: z.string().nullable(),
      place: z.string().nullable(),
      document: z.string().nullable(),
      sourceUrl: z.string().nullable(),
    }),
  ),
  pillars: z.array(z.object({ code: z.string(), name: z.string(), nameVi: z.string().nullable() })),
  counts: z.object({
    pillars: z.number(),
    commitments: z.number(),
    actions: z.number(),
    instruments: z.number(),
    targets: z.number(),
    indicators: z.number(),
    sources: z.number(),
    planVersions: z.number(),
  }),
});

export type PartnershipSummary = z.infer<typeof partnershipSummarySchema>;
export type PartnershipDetail = z.infer<typeof partnershipDetailSchema>;
