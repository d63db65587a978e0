import { z } from "zod";
import { countryCode, slugSchema } from "../partnerships/schema.ts";
import { statusSchema } from "./status.ts";

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be a date YYYY-MM-DD")
  .refine((s) => {
    // Zod runs refinements after a failed regex too; an unparseable string must not throw here.
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "is not a calendar date");

export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/, "must be an http(s) URL");

const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().positive();

export const leadAgencySchema = z.object({ party: countryCode, agency: text(300) });

const actionFields = {
  title: text(500),
  description: z.string().trim().max(5000).nullable(),
  /** One lead agency per party, e.g. [{ party: "GB", agency: "Department for Business and Trade" }]. */
  leadAgencies: z.array(leadAgencySchema).max(2),
  supportingAgencies: z.array(text(300)).max(30),
  startDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
};

const datesInOrder = (v: { startDate?: string | null | undefined; dueDate?: string | null | undefined }) =>
  !v.startDate || !v.dueDate || v.startDate <= v.dueDate;
const DATES_MESSAGE = { message: "startDate must not be after dueDate", path: ["dueDate"] };

export const newActionSchema = z
  .strictObject({
    title: actionFields.title,
    description: actionFields.description.default(null),
    leadAgencies: actionFields.leadAgencies.default([]),
    supportingAgencies: actionFields.supportingAgencies.default([]),
    startDate: actionFields.startDate.default(null),
    dueDate: actionFields.dueDate.default(null),
  })
  .refine(datesInOrder, DATES_MESSAGE);
export type NewActionInput = z.input<typeof newActionSchema>;

/** Edits to an action; its status changes only through approved updates. */
export const actionPatchSchema = z
  .strictObject({
    version,
    title: actionFields.title.optional(),
    description: actionFields.description.optional(),
    leadAgencies: actionFields.leadAgencies.optional(),
    supportingAgencies: actionFields.supportingAgencies.optional(),
    startDate: actionFields.startDate.optional(),
    dueDate: actionFields.dueDate.optional(),
  })
  .refine(datesInOrder, DATES_MESSAGE);
export type ActionPatchInput = z.input<typeof actionPatchSchema>;

export const newMilestoneSchema = z.strictObject({
  title: text(500),
  dueDate: isoDate.nullable().default(null),
  evidenceUrls: z.array(httpUrl).max(30).default([]),
});
export type NewMilestoneInput = z.input<typeof newMilestoneSchema>;

export const milestonePatchSchema = z.strictObject({
  version,
  title: text(500).optional(),
  dueDate: isoDate.nullable().optional(),
  evidenceUrls: z.array(httpUrl).max(30).optional(),
});
export type MilestonePatchInput = z.input<typeof milestonePatchSchema>;

export const commitmentPatchSchema = z.strictObject({
  version,
  /** The instrument the commitment implements; null unlinks it. */
  instrumentId: z.number().int().positive().nullable(),
});
export type CommitmentPatchInput = z.input<typeof commitmentPatchSchema>;

/** Evidence for an update: a URL, a source citation, or both. */
export const evidenceSchema = z
  .strictObject({
    url: httpUrl.optional(),
    citation: text(1000).optional(),
  })
  .refine((e) => e.url !== undefined || e.citation !== undefined, "give a url or a citation");
export type Evidence = z.infer<typeof evidenceSchema>;

/** What an update is about; instruments take progress notes only (their status is not on the scale). */
export const SUBJECT_TYPES = ["commitment", "action", "milestone", "instrument"] as const;
export const subjectTypeSchema = z.enum(SUBJECT_TYPES);
export type SubjectType = z.infer<typeof subjectTypeSchema>;

export const newUpdateSchema = z.strictObject({
  subject: z.strictObject({ type: subjectTypeSchema, id: z.number().int().positive() }),
  note: text(5000),
  newStatus: statusSchema.nullable().default(null),
  evidence: z.array(evidenceSchema).max(20).default([]),
  /** Submit for review at once instead of saving a draft. */
  submit: z.boolean().default(false),
});
export type NewUpdateInput = z.input<typeof newUpdateSchema>;

export const updatePatchSchema = z.strictObject({
  version,
  note: text(5000).optional(),
  newStatus: statusSchema.nullable().optional(),
  evidence: z.array(evidenceSchema).max(20).optional(),
});
export type UpdatePatchInput = z.input<typeof updatePatchSchema>;

export const versionBodySchema = z.strictObject({ version });
export const approveBodySchema = z.strictObject({
  version,
  /** The party approved for; needed only when the reviewer may sign for both. */
  party: countryCode.optional(),
});
export const returnBodySchema = z.strictObject({ version, reason: text(2000) });

export const UPDATE_STATES = ["draft", "pending", "approved", "returned"] as const;
export const updateStateSchema = z.enum(UPDATE_STATES);
export type UpdateState = z.infer<typeof updateStateSchema>;

// ---- Public shapes --------------------------------------------------------

export const milestoneSchema = z.object({
  id: z.number(),
  actionId: z.number(),
  title: z.string(),
  dueDate: z.string().nullable(),
  completedOn: z.string().nullable(),
  evidenceUrls: z.array(z.string()),
  status: statusSchema,
  overdue: z.boolean(),
  version: z.number(),
});
export type MilestoneView = z.infer<typeof milestoneSchema>;

export const actionSchema = z.object({
  id: z.number(),
  commitmentId: z.number(),
  commitmentCode: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  leadAgencies: z.array(z.object({ party: z.string(), agency: z.string() })),
  supportingAgencies: z.array(z.string()),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: statusSchema,
  overdue: z.boolean(),
  version: z.number(),
  milestones: z.array(milestoneSchema),
});
export type ActionView = z.infer<typeof actionSchema>;

export const commitmentSchema = z.object({
  id: z.number(),
  code: z.string(),
  text: z.string(),
  pillar: z.object({ code: z.string(), name: z.string() }).nullable(),
  instrument: z.object({ id: z.number(), name: z.string() }).nullable(),
  actors: z.array(z.string()),
  deadline: z.string().nullable(),
  status: statusSchema,
  /** How the status was reached: rolled up from actions, or set by the commitment's own updates. */
  statusSource: z.enum(["actions", "updates"]),
  overdue: z.boolean(),
  version: z.number(),
  actions: z.array(actionSchema),
});
export type CommitmentView = z.infer<typeof commitmentSchema>;

export const updateSchema = z.object({
  id: z.number(),
  subject: z.object({ type: subjectTypeSchema, id: z.number(), label: z.string() }),
  note: z.string(),
  newStatus: statusSchema.nullable(),
  evidence: z.array(z.object({ url: z.string().optional(), citation: z.string().optional() })),
  state: updateStateSchema,
  returnReason: z.string().nullable(),
  signoff: z.object({
    /** each-party: a reviewer of each party must approve; either-party: one side suffices (settings.singleSideSignoff). */
    rule: z.enum(["each-party", "either-party"]),
    parties: z.array(z.string()),
    /** Parties whose approval is still awaited while pending. */
    waitingFor: z.array(z.string()),
  }),
  approvals: z.array(z.object({ party: z.string(), approvedAt: z.string(), by: z.string().optional() })),
  author: z.string().nullable().optional(),
  submissions: z.number(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  history: z
    .array(z.object({ at: z.string(), actor: z.string(), action: z.string(), reason: z.string().nullable() }))
    .optional(),
});
export type UpdateView = z.infer<typeof updateSchema>;

const statusCounts = z.object({
  not_started: z.number(),
  limited: z.number(),
  substantial: z.number(),
  complete: z.number(),
  withdrawn: z.number(),
});

export const dashboardSchema = z.object({
  partnership: z.object({ slug: z.string(), parties: z.array(z.string()) }),
  asOf: z.string(),
  totals: z.object({
    commitments: statusCounts.extend({ total: z.number(), overdue: z.number() }),
    actions: statusCounts.extend({ total: z.number(), overdue: z.number() }),
    milestones: statusCounts.extend({ total: z.number(), overdue: z.number() }),
  }),
  pillars: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameVi: z.string().nullable(),
      commitments: statusCounts.extend({ total: z.number(), overdue: z.number() }),
      actions: statusCounts.extend({ total: z.number(), overdue: z.number() }),
    }),
  ),
  overdueMilestones: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      dueDate: z.string(),
      daysOverdue: z.number(),
      status: statusSchema,
      action: z.object({ id: z.number(), title: z.string() }),
      commitmentCode: z.string(),
      pillarCode: z.string().nullable(),
    }),
  ),
  leadAgencies: z.array(
    z.object({
      party: z.string(),
      agency: z.string(),
      actions: statusCounts.extend({ total: z.number(), overdue: z.number() }),
    }),
  ),
  recentUpdates: z.array(updateSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export { idParamsSchema } from "../partnerships/schema.ts";
export const codeParamsSchema = z.object({ slug: slugSchema, code: z.string().min(1).max(40) });
