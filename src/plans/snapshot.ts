import { z } from "zod";

/** A citation stored in Entente: a span of a stored source (`sources.id`). */
export const storedCitationSchema = z.object({
  sourceId: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
});
export type StoredCitation = z.infer<typeof storedCitationSchema>;

const cited = { citations: z.array(storedCitationSchema) };

export const planPillarSchema = z.object({ code: z.string(), name: z.string(), ...cited });
export const planCommitmentSchema = z.object({
  code: z.string(),
  text: z.string(),
  pillar: z.string().nullable(),
  actors: z.array(z.string()),
  deadline: z.string().nullable(),
  ...cited,
});
export const planInstrumentSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.string(),
  status: z.string().nullable(),
  ...cited,
});
export const planTargetSchema = z.object({
  text: z.string(),
  quantity: z.string().nullable(),
  deadline: z.string().nullable(),
  ...cited,
});
export const planPersonSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  role: z.string().nullable(),
  country: z.string().nullable(),
  ...cited,
});
export const planHistorySchema = z.object({ date: z.string(), event: z.string(), ...cited });
export const planPartnershipSchema = z.object({
  parties: z.array(z.string()),
  level: z.string().nullable(),
  established: z.string().nullable(),
  place: z.string().nullable(),
  previous_level: z.string().nullable(),
  ...cited,
});

/** An immutable, published Joint Action Plan version. */
export const planSnapshotSchema = z.object({
  schema: z.literal("entente.plan/1"),
  version: z.number().int(),
  partnership: planPartnershipSchema.nullable(),
  pillars: z.array(planPillarSchema),
  commitments: z.array(planCommitmentSchema),
  instruments: z.array(planInstrumentSchema),
  targets: z.array(planTargetSchema),
  people: z.array(planPersonSchema),
  history: z.array(planHistorySchema),
});
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

export const PLAN_CATEGORIES = ["pillars", "commitments", "instruments", "targets", "people", "history"] as const;
export type PlanCategory = (typeof PLAN_CATEGORIES)[number];

export const emptySnapshot = (version: number): PlanSnapshot => ({
  schema: "entente.plan/1",
  version,
  partnership: null,
  pillars: [],
  commitments: [],
  instruments: [],
  targets: [],
  people: [],
  history: [],
});
