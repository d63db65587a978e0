import { z } from "zod";
import { newPartnershipSchema, partialDate } from "../partnerships/schema.ts";

/**
 * The shape of a demo partnership file. Demo texts are Entente's own
 * summaries; each file lists the public documents its facts come from.
 */
export const demoPartnershipSchema = z.object({
  partnership: newPartnershipSchema.extend({ slug: z.string() }),
  references: z.array(z.object({ title: z.string(), publisher: z.string(), url: z.url().optional() })).min(1),
  history: z.array(z.object({ date: partialDate, event: z.string() })),
  pillars: z.array(z.object({ code: z.string(), name: z.string(), nameVi: z.string() })).min(1),
  instruments: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      aliases: z.array(z.string()).default([]),
      kind: z.enum([
        "mou",
        "agreement",
        "free-trade agreement",
        "treaty",
        "partnership programme",
        "declaration",
        "action plan",
        "fund",
      ]),
      status: z.string().nullable().default(null),
      signedOn: partialDate.nullable().default(null),
      inForceOn: partialDate.nullable().default(null),
      url: z.url().nullable().default(null),
    }),
  ),
  commitments: z
    .array(
      z.object({
        code: z.string(),
        pillar: z.string(),
        text: z.string(),
        actors: z.array(z.string()).min(1),
        deadline: partialDate.nullable().default(null),
        instrument: z.string().optional(),
      }),
    )
    .min(12),
  targets: z.array(
    z.object({
      text: z.string(),
      kind: z.enum(["absolute", "relative"]),
      multiple: z.number().positive().nullable().default(null),
      targetValue: z.number().nullable().default(null),
      unit: z.string().nullable().default(null),
      deadline: partialDate.nullable().default(null),
      deadlineAssumed: z.boolean().default(false),
      commitment: z.string().optional(),
      /** Indicator slug (from the partnership's demo CSV) and baseline period the target is measured on. */
      indicator: z.string().optional(),
      baselinePeriod: z.string().optional(),
    }),
  ),
});

export type DemoPartnership = z.input<typeof demoPartnershipSchema>;
