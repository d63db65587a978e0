import type { InstrumentRow, LinkedCommitmentRow } from "./repository.ts";
import type { InstrumentView } from "./schema.ts";

/**
 * The status shown: the recorded one, else derived from the dates (ended,
 * in force, signed), else null.
 */
export function instrumentStatus(row: InstrumentRow, today: string): string | null {
  if (row.status) return row.status;
  if (row.ended_on && row.ended_on <= today) return "ended";
  if (row.in_force_on && row.in_force_on <= today) return "in force";
  if (row.signed_on) return "signed";
  return null;
}

export function presentInstrument(
  row: InstrumentRow,
  commitments: readonly LinkedCommitmentRow[],
  today: string,
): InstrumentView {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases,
    kind: row.kind,
    status: instrumentStatus(row, today),
    parties: row.parties,
    signedOn: row.signed_on,
    inForceOn: row.in_force_on,
    endedOn: row.ended_on,
    url: row.url,
    version: row.version,
    commitments: commitments
      .filter((c) => c.instrument_id === row.id)
      .map((c) => ({ id: c.id, code: c.code, text: c.text, status: c.status })),
  };
}
