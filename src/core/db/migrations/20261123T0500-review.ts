import { type Kysely, sql } from "kysely";

/**
 * The review queue: one row per item of a draft digest (or per progress
 * statement in a later source), decided by an editor before publishing.
 * Citations inside `payload` name sources by their database id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table review_items (
      id integer generated always as identity primary key,
      partnership_id integer not null references partnerships(id) on delete cascade,
      digest_id integer references digests(id) on delete cascade,
      category text not null check (category in
        ('partnership','pillar','instrument','target','person','history','commitment','conflict','update')),
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending','accepted','rejected','merged')),
      merged_into integer references review_items(id),
      -- For a proposed update: what it updates, e.g. {"type":"commitment","code":"C4"}.
      subject jsonb,
      published_in integer,
      decided_by integer references users(id) on delete set null,
      decided_by_label text,
      decided_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now()
    );
    create index review_items_queue on review_items(partnership_id, status, category);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table review_items`.execute(db);
}
