import { z } from "zod";
import { partialDate } from "../partnerships/schema.ts";

export const observationSchema = z.object({
  period: z.string(),
  periodStart: z.string(),
  value: z.number(),
  unit: z.string(),
  currency: z.string().nullable(),
  reportingParty: z.string().nullable(),
  sourceName: z.string().nullable(),
  sourceUrl: z.string().nullable(),
});

export const indicatorSchema = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  unit: z.string(),
  currency: z.string().nullable(),
  reportingParty: z.string().nullable(),
  description: z.string().nullable(),
  observations: z.array(observationSchema),
});

const pointSchema = z.object({ period: z.string(), value: z.number() });

export const targetSchema = z.object({
  id: z.number(),
  version: z.number(),
  text: z.string(),
  kind: z.enum(["absolute", "relative"]),
  commitmentId: z.number().nullable(),
  indicatorId: z.number().nullable(),
  multiple: z.number().nullable(),
  /** For relative targets: multiple × baseline. */
  targetValue: z.number().nullable(),
  unit: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineAssumed: z.boolean(),
  baseline: pointSchema.nullable(),
  latest: pointSchema.nullable(),
  progress: z.number().nullable(),
  requiredAnnualGrowth: z.number().nullable(),
  trend: z
    .object({ kind: z.enum(["log-linear", "linear"]), annualGrowth: z.number().nullable(), points: z.number() })
    .nullable(),
  projectedAtDeadline: z.number().nullable(),
  reachesTargetIn: z.number().nullable(),
  status: z.enum(["achieved", "on_track", "at_risk", "off_track", "unknown"]),
});
export type TargetView = z.infer<typeof targetSchema>;

export const targetPatchSchema = z
  .object({
    version: z.number().int().positive(),
    indicatorId: z.number().int().positive().nullable().optional(),
    /** Period label of the baseline observation in the target's indicator, e.g. "2022". */
    baselinePeriod: z.string().max(10).nullable().optional(),
    targetValue: z.number().finite().nullable().optional(),
    multiple: z.number().positive().finite().nullable().optional(),
    deadline: partialDate.nullable().optional(),
    deadlineAssumed: z.boolean().optional(),
  })
  .strict();
export type TargetPatch = z.infer<typeof targetPatchSchema>;

export const importResultSchema = z.object({
  indicatorsCreated: z.array(z.string()),
  observationsImported: z.number(),
});
