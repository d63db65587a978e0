import { z } from "zod";
import { isoDate } from "../tracking/schema.ts";
import { statusSchema } from "../tracking/status.ts";

export const MECHANISM_KINDS = ["dialogue", "committee", "joint commission", "working group", "summit"] as const;
export const mechanismKindSchema = z.enum(MECHANISM_KINDS);
export type MechanismKind = z.infer<typeof mechanismKindSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().positive();

export const newMechanismSchema = z.strictObject({
  name: text(300),
  kind: mechanismKindSchema,
  description: z.string().trim().max(5000).nullable().default(null),
});
export type NewMechanismInput = z.input<typeof newMechanismSchema>;

export const mechanismPatchSchema = z.strictObject({
  version,
  name: text(300).optional(),
  kind: mechanismKindSchema.optional(),
  description: z.string().trim().max(5000).nullable().optional(),
});
export type MechanismPatchInput = z.input<typeof mechanismPatchSchema>;

export const newMeetingSchema = z.strictObject({
  heldOn: isoDate,
  place: z.string().trim().max(300).nullable().default(null),
  participants: z.array(text(300)).max(200).default([]),
  notes: z.string().trim().max(10000).nullable().default(null),
  /** Actions the meeting reviewed. */
  actionIds: z.array(z.number().int().positive()).max(500).default([]),
});
export type NewMeetingInput = z.input<typeof newMeetingSchema>;

export const meetingPatchSchema = z.strictObject({
  version,
  heldOn: isoDate.optional(),
  place: z.string().trim().max(300).nullable().optional(),
  participants: z.array(text(300)).max(200).optional(),
  notes: z.string().trim().max(10000).nullable().optional(),
  actionIds: z.array(z.number().int().positive()).max(500).optional(),
});
export type MeetingPatchInput = z.input<typeof meetingPatchSchema>;

export const meetingSchema = z.object({
  id: z.number(),
  mechanismId: z.number(),
  heldOn: z.string(),
  place: z.string().nullable(),
  participants: z.array(z.string()),
  notes: z.string().nullable(),
  version: z.number(),
  reviewedActions: z.array(
    z.object({ id: z.number(), title: z.string(), commitmentCode: z.string(), status: statusSchema }),
  ),
});
export type MeetingView = z.infer<typeof meetingSchema>;

export const mechanismSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  description: z.string().nullable(),
  version: z.number(),
  meetings: z.array(meetingSchema),
});
export type MechanismView = z.infer<typeof mechanismSchema>;
