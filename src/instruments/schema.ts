import { z } from "zod";
import { partialDate } from "../partnerships/schema.ts";
import { httpUrl } from "../tracking/schema.ts";

/** Kinds of instrument: the list plus those the demo and extraction use. */
export const INSTRUMENT_KINDS = [
  "mou",
  "agreement",
  "free-trade agreement",
  "treaty",
  "partnership programme",
  "declaration",
  "action plan",
  "fund",
  "economic partnership agreement",
  "investment agreement",
] as const;
export const instrumentKindSchema = z.enum(INSTRUMENT_KINDS);

const name = z.string().trim().min(1).max(500);
const fields = {
  name,
  aliases: z.array(z.string().trim().min(1).max(100)).max(20),
  kind: instrumentKindSchema,
  /** Free text such as "in force" or "under negotiation"; when absent it is derived from the dates. */
  status: z.string().trim().min(1).max(100).nullable(),
  /** Signatories by name; default the two parties of the partnership. */
  parties: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
  signedOn: partialDate.nullable(),
  inForceOn: partialDate.nullable(),
  endedOn: partialDate.nullable(),
  url: httpUrl.nullable(),
};

export const newInstrumentSchema = z.strictObject({
  name: fields.name,
  aliases: fields.aliases.default([]),
  kind: fields.kind,
  status: fields.status.default(null),
  parties: fields.parties.optional(),
  signedOn: fields.signedOn.default(null),
  inForceOn: fields.inForceOn.default(null),
  endedOn: fields.endedOn.default(null),
  url: fields.url.default(null),
});
export type NewInstrumentInput = z.input<typeof newInstrumentSchema>;

export const instrumentPatchSchema = z.strictObject({
  version: z.number().int().positive(),
  name: fields.name.optional(),
  aliases: fields.aliases.optional(),
  kind: fields.kind.optional(),
  status: fields.status.optional(),
  parties: fields.parties.optional(),
  signedOn: fields.signedOn.optional(),
  inForceOn: fields.inForceOn.optional(),
  endedOn: fields.endedOn.optional(),
  url: fields.url.optional(),
});
export type InstrumentPatchInput = z.input<typeof instrumentPatchSchema>;

export const instrumentSchema = z.object({
  id: z.number(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.string(),
  status: z.string().nullable(),
  parties: z.array(z.string()),
  signedOn: z.string().nullable(),
  inForceOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  url: z.string().nullable(),
  version: z.number(),
  commitments: z.array(z.object({ id: z.number(), code: z.string(), text: z.string(), status: z.string() })),
});
export type InstrumentView = z.infer<typeof instrumentSchema>;
