import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Row types for every table, one interface per table. Migrations in
 * ./migrations are the source of truth; keep these in step with them.
 *
 * Conventions: `id` is an identity integer; partial dates (YYYY, YYYY-MM,
 * YYYY-MM-DD) are text; calendar dates are `date` returned as "YYYY-MM-DD"
 * strings on both backends; mutable records carry `version` for optimistic
 * concurrency.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
/** A JSON column with a database default ('[]'): optional on insert. */
type JsonDefault<T> = ColumnType<T, string | undefined, string>;

export interface CountriesTable {
  code: string;
  name_en: string;
  name_vi: string;
}

export interface PartnershipsTable {
  id: Generated<number>;
  slug: string;
  party_a: string;
  party_b: string;
  title: string;
  level: string | null;
  established: string | null;
  place: string | null;
  previous_level: string | null;
  founding_document: string | null;
  /** e.g. { "singleSideSignoff": true } */
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PartnershipLevelsTable {
  id: Generated<number>;
  partnership_id: number;
  level: string;
  since: string | null;
  place: string | null;
  document: string | null;
  source_url: string | null;
}

export interface PartnershipEventsTable {
  id: Generated<number>;
  partnership_id: number;
  date: string;
  event: string;
}

export interface SourcesTable {
  id: Generated<number>;
  partnership_id: number | null;
  title: string;
  publisher: string | null;
  published_on: string | null;
  language: string | null;
  url: string | null;
  file_name: string | null;
  format: string;
  text: string;
  content_hash: string;
  created_at: Generated<Date>;
}

export interface DigestsTable {
  id: Generated<number>;
  partnership_id: number;
  status: Generated<string>;
  body: Json<unknown>;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** Citations of plan items: polymorphic by (entity_type, entity_id). */
export interface CitationsTable {
  id: Generated<number>;
  source_id: number;
  entity_type: string;
  entity_id: number;
  start: number;
  end: number;
  quote: string;
}

export interface PlanVersionsTable {
  id: Generated<number>;
  partnership_id: number;
  number: number;
  snapshot: Json<unknown>;
  note: string | null;
  published_by: number | null;
  published_at: Generated<Date>;
}

export interface PillarsTable {
  id: Generated<number>;
  partnership_id: number;
  code: string;
  name: string;
  name_vi: string | null;
  sort: Generated<number>;
  version: Generated<number>;
}

export interface CommitmentsTable {
  id: Generated<number>;
  partnership_id: number;
  pillar_id: number | null;
  instrument_id: number | null;
  code: string;
  text: string;
  actors: JsonDefault<string[]>;
  deadline: string | null;
  status: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ActionsTable {
  id: Generated<number>;
  commitment_id: number;
  title: string;
  description: string | null;
  lead_agency_a: string | null;
  lead_agency_b: string | null;
  supporting_agencies: JsonDefault<string[]>;
  start_date: string | null;
  due_date: string | null;
  status: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MilestonesTable {
  id: Generated<number>;
  action_id: number;
  title: string;
  due_date: string | null;
  completed_on: string | null;
  evidence_urls: JsonDefault<string[]>;
  status: Generated<string>;
  version: Generated<number>;
}

export interface InstrumentsTable {
  id: Generated<number>;
  partnership_id: number;
  name: string;
  aliases: JsonDefault<string[]>;
  kind: string;
  status: string | null;
  parties: JsonDefault<string[]>;
  signed_on: string | null;
  in_force_on: string | null;
  ended_on: string | null;
  url: string | null;
  version: Generated<number>;
}

export interface MechanismsTable {
  id: Generated<number>;
  partnership_id: number;
  name: string;
  kind: string;
  description: string | null;
  version: Generated<number>;
}

export interface MeetingsTable {
  id: Generated<number>;
  mechanism_id: number;
  held_on: string;
  place: string | null;
  participants: JsonDefault<string[]>;
  notes: string | null;
  version: Generated<number>;
}

export interface MeetingActionsTable {
  meeting_id: number;
  action_id: number;
}

export interface IndicatorsTable {
  id: Generated<number>;
  partnership_id: number;
  slug: string;
  name: string;
  unit: string;
  currency: string | null;
  reporting_party: string | null;
  description: string | null;
  version: Generated<number>;
}

export interface ObservationsTable {
  id: Generated<number>;
  indicator_id: number;
  period: string;
  period_start: string;
  value: number;
  unit: string;
  currency: string | null;
  source_name: string | null;
  source_url: string | null;
  reporting_party: string | null;
}

export interface TargetsTable {
  id: Generated<number>;
  partnership_id: number;
  commitment_id: number | null;
  indicator_id: number | null;
  baseline_observation_id: number | null;
  text: string;
  kind: string;
  multiple: number | null;
  target_value: number | null;
  unit: string | null;
  deadline: string | null;
  deadline_assumed: Generated<boolean>;
  version: Generated<number>;
}

export interface UpdatesTable {
  id: Generated<number>;
  partnership_id: number;
  subject_type: string;
  subject_id: number;
  note: string;
  new_status: string | null;
  evidence: JsonDefault<unknown[]>;
  state: Generated<string>;
  return_reason: string | null;
  author_id: number | null;
  source_id: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Added by 20261123T0200-tracking. */
  submitted_at: Date | null;
  decided_at: Date | null;
  submissions: Generated<number>;
}

export interface UpdateApprovalsTable {
  update_id: number;
  party: string;
  user_id: number;
  approved_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  is_admin: Generated<boolean>;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface RolesTable {
  id: Generated<number>;
  user_id: number;
  partnership_id: number | null;
  party: string | null;
  role: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: number | null;
  actor: string;
  partnership_id: number | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
}

export interface ReviewItemsTable {
  id: Generated<number>;
  partnership_id: number;
  digest_id: number | null;
  category: string;
  payload: ColumnType<unknown, string, string>;
  status: Generated<string>;
  merged_into: number | null;
  subject: ColumnType<unknown, string | null, string | null>;
  published_in: number | null;
  decided_by: number | null;
  decided_by_label: string | null;
  decided_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface Database {
  countries: CountriesTable;
  partnerships: PartnershipsTable;
  partnership_levels: PartnershipLevelsTable;
  partnership_events: PartnershipEventsTable;
  sources: SourcesTable;
  digests: DigestsTable;
  citations: CitationsTable;
  plan_versions: PlanVersionsTable;
  pillars: PillarsTable;
  commitments: CommitmentsTable;
  actions: ActionsTable;
  milestones: MilestonesTable;
  instruments: InstrumentsTable;
  mechanisms: MechanismsTable;
  meetings: MeetingsTable;
  meeting_actions: MeetingActionsTable;
  indicators: IndicatorsTable;
  observations: ObservationsTable;
  targets: TargetsTable;
  updates: UpdatesTable;
  update_approvals: UpdateApprovalsTable;
  users: UsersTable;
  roles: RolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  review_items: ReviewItemsTable;
}

export type Partnership = Selectable<PartnershipsTable>;
export type NewPartnership = Insertable<PartnershipsTable>;
export type PartnershipPatch = Updateable<PartnershipsTable>;
