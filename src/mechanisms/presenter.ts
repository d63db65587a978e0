import { asStatus } from "../tracking/status.ts";
import type { MechanismRow, MeetingRow, ReviewedActionRow } from "./repository.ts";
import type { MechanismView, MeetingView } from "./schema.ts";

export function presentMeeting(m: MeetingRow, reviewed: readonly ReviewedActionRow[]): MeetingView {
  return {
    id: m.id,
    mechanismId: m.mechanism_id,
    heldOn: m.held_on,
    place: m.place,
    participants: m.participants,
    notes: m.notes,
    version: m.version,
    reviewedActions: reviewed
      .filter((r) => r.meeting_id === m.id)
      .map((r) => ({ id: r.id, title: r.title, commitmentCode: r.code, status: asStatus(r.status) })),
  };
}

export function presentMechanism(
  m: MechanismRow,
  meetings: readonly MeetingRow[],
  reviewed: readonly ReviewedActionRow[],
): MechanismView {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    description: m.description,
    version: m.version,
    meetings: meetings.filter((x) => x.mechanism_id === m.id).map((x) => presentMeeting(x, reviewed)),
  };
}
