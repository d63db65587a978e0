import { type Kysely, sql } from "kysely";

/**
 * Implementation tracking: the completion scale on commitments and
 * milestones (actions already have it), the submission bookkeeping of
 * updates, and the indexes the tracking reads use.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table commitments add constraint commitments_status_scale
      check (status in ('not_started','limited','substantial','complete','withdrawn'));
    alter table milestones add constraint milestones_status_scale
      check (status in ('not_started','limited','substantial','complete','withdrawn'));
    alter table updates add constraint updates_new_status_scale
      check (new_status is null or new_status in ('not_started','limited','substantial','complete','withdrawn'));

    alter table updates add column submitted_at timestamptz;
    alter table updates add column decided_at timestamptz;
    -- How many times the update has been submitted: 2 or more means it was returned and resubmitted.
    alter table updates add column submissions integer not null default 0;

    create index updates_subject on updates(subject_type, subject_id);
    create index updates_partnership_decided on updates(partnership_id, decided_at desc) where state = 'approved';
    create index commitments_instrument on commitments(instrument_id);
    create index commitments_pillar on commitments(pillar_id);
    create index mechanisms_partnership on mechanisms(partnership_id);
    create index meetings_mechanism on meetings(mechanism_id, held_on);
    create index meeting_actions_action on meeting_actions(action_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index if exists meeting_actions_action;
    drop index if exists meetings_mechanism;
    drop index if exists mechanisms_partnership;
    drop index if exists commitments_pillar;
    drop index if exists commitments_instrument;
    drop index if exists updates_partnership_decided;
    drop index if exists updates_subject;
    alter table updates drop column submissions;
    alter table updates drop column decided_at;
    alter table updates drop column submitted_at;
    alter table updates drop constraint updates_new_status_scale;
    alter table milestones drop constraint milestones_status_scale;
    alter table commitments drop constraint commitments_status_scale;
  `.execute(db);
}
