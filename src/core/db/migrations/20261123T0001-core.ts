import { type Kysely, sql } from "kysely";

/**
 * The core schema: the whole domain model of DESIGN.md. Later migrations
 * refine it; never edit a migration that has shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists unaccent;
    create extension if not exists pg_trgm;

    create table countries (
      code char(2) primary key check (code ~ '^[A-Z]{2}$'),
      name_en text not null,
      name_vi text not null
    );

    create table partnerships (
      id integer generated always as identity primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      party_a char(2) not null references countries(code),
      party_b char(2) not null references countries(code),
      title text not null,
      level text,
      established text,
      place text,
      previous_level text,
      founding_document text,
      settings jsonb not null default '{}',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (party_a <> party_b)
    );

    create table partnership_levels (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      level text not null,
      since text,
      place text,
      document text,
      source_url text
    );
    create index partnership_levels_partnership on partnership_levels(partnership_id);

    create table partnership_events (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      date text not null,
      event text not null
    );
    create index partnership_events_partnership on partnership_events(partnership_id);

    create table sources (
      id integer generated always as identity primary key,
      partnership_id integer references partnerships(id) on delete cascade,
      title text not null,
      publisher text,
      published_on text,
      language text,
      url text,
      file_name text,
      format text not null default 'txt',
      text text not null,
      content_hash text not null,
      created_at timestamptz not null default now()
    );
    create unique index sources_hash on sources(coalesce(partnership_id, 0), content_hash);

    create table digests (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      status text not null default 'draft',
      body jsonb not null,
      created_by integer,
      created_at timestamptz not null default now()
    );

    create table citations (
      id integer generated always as identity primary key,
      source_id integer not null references sources(id) on delete cascade,
      entity_type text not null,
      entity_id integer not null,
      start integer not null check (start >= 0),
      "end" integer not null,
      quote text not null,
      check ("end" >= start)
    );
    create index citations_entity on citations(entity_type, entity_id);

    create table plan_versions (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      number integer not null check (number > 0),
      snapshot jsonb not null,
      note text,
      published_by integer,
      published_at timestamptz not null default now(),
      unique (partnership_id, number)
    );

    create table pillars (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      code text not null,
      name text not null,
      name_vi text,
      sort integer not null default 0,
      version integer not null default 1,
      unique (partnership_id, code)
    );

    create table instruments (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      name text not null,
      aliases jsonb not null default '[]',
      kind text not null,
      status text,
      parties jsonb not null default '[]',
      signed_on text,
      in_force_on text,
      ended_on text,
      url text,
      version integer not null default 1
    );
    create index instruments_partnership on instruments(partnership_id);

    create table commitments (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      pillar_id integer references pillars(id) on delete set null,
      instrument_id integer references instruments(id) on delete set null,
      code text not null,
      text text not null,
      actors jsonb not null default '[]',
      deadline text,
      status text not null default 'not_started',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (partnership_id, code)
    );

    create table actions (
      id integer generated always as identity primary key,
      commitment_id integer not null references commitments(id) on delete cascade,
      title text not null,
      description text,
      lead_agency_a text,
      lead_agency_b text,
      supporting_agencies jsonb not null default '[]',
      start_date date,
      due_date date,
      status text not null default 'not_started'
        check (status in ('not_started','limited','substantial','complete','withdrawn')),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index actions_commitment on actions(commitment_id);

    create table milestones (
      id integer generated always as identity primary key,
      action_id integer not null references actions(id) on delete cascade,
      title text not null,
      due_date date,
      completed_on date,
      evidence_urls jsonb not null default '[]',
      status text not null default 'not_started',
      version integer not null default 1
    );
    create index milestones_action on milestones(action_id);

    create table mechanisms (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      name text not null,
      kind text not null,
      description text,
      version integer not null default 1
    );

    create table meetings (
      id integer generated always as identity primary key,
      mechanism_id integer not null references mechanisms(id) on delete cascade,
      held_on date not null,
      place text,
      participants jsonb not null default '[]',
      notes text,
      version integer not null default 1
    );

    create table meeting_actions (
      meeting_id integer not null references meetings(id) on delete cascade,
      action_id integer not null references actions(id) on delete cascade,
      primary key (meeting_id, action_id)
    );

    create table indicators (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      slug text not null,
      name text not null,
      unit text not null,
      currency text,
      reporting_party char(2),
      description text,
      version integer not null default 1,
      unique (partnership_id, slug)
    );

    create table observations (
      id integer generated always as identity primary key,
      indicator_id integer not null references indicators(id) on delete cascade,
      period text not null,
      period_start date not null,
      value double precision not null,
      unit text not null,
      currency text,
      source_name text,
      source_url text,
      reporting_party char(2),
      unique (indicator_id, period)
    );

    create table targets (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      commitment_id integer references commitments(id) on delete set null,
      indicator_id integer references indicators(id) on delete set null,
      baseline_observation_id integer references observations(id) on delete set null,
      text text not null,
      kind text not null check (kind in ('absolute','relative')),
      multiple double precision,
      target_value double precision,
      unit text,
      deadline text,
      deadline_assumed boolean not null default false,
      version integer not null default 1
    );

    create table users (
      id integer generated always as identity primary key,
      email text not null,
      name text not null,
      password_hash text not null,
      is_admin boolean not null default false,
      disabled boolean not null default false,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      version integer not null default 1
    );
    create unique index users_email on users(lower(email));

    create table roles (
      id integer generated always as identity primary key,
      user_id integer not null references users(id) on delete cascade,
      partnership_id integer references partnerships(id) on delete cascade,
      party char(2),
      role text not null check (role in ('viewer','editor','reviewer','admin'))
    );
    create index roles_user on roles(user_id);

    create table sessions (
      id text primary key,
      user_id integer not null references users(id) on delete cascade,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );

    create table api_tokens (
      id integer generated always as identity primary key,
      user_id integer not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    create table updates (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      subject_type text not null check (subject_type in ('commitment','action','milestone','instrument')),
      subject_id integer not null,
      note text not null,
      new_status text,
      evidence jsonb not null default '[]',
      state text not null default 'draft' check (state in ('draft','pending','approved','returned')),
      return_reason text,
      author_id integer references users(id) on delete set null,
      source_id integer references sources(id) on delete set null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index updates_partnership_state on updates(partnership_id, state);

    create table update_approvals (
      update_id integer not null references updates(id) on delete cascade,
      party char(2) not null,
      user_id integer not null references users(id),
      approved_at timestamptz not null default now(),
      primary key (update_id, party)
    );

    create table audit_events (
      id integer generated always as identity primary key,
      at timestamptz not null default now(),
      actor_id integer,
      actor text not null,
      partnership_id integer,
      entity_type text not null,
      entity_id text not null,
      action text not null,
      before jsonb,
      after jsonb
    );
    create index audit_events_partnership on audit_events(partnership_id, id);

    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_append_only();
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema public cascade; create schema public;`.execute(db);
}
