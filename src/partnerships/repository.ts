import { sql } from "kysely";
import type { DbOrTx } from "../core/db/create-db.ts";
import type { Country } from "../core/countries.ts";
import type { NewPartnership } from "../core/db/tables.ts";

export async function upsertCountry(db: DbOrTx, c: Country): Promise<void> {
  await db
    .insertInto("countries")
    .values({ code: c.code, name_en: c.en, name_vi: c.vi })
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
}

export async function insertPartnership(db: DbOrTx, row: NewPartnership) {
  return db.insertInto("partnerships").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertLevel(
  db: DbOrTx,
  partnershipId: number,
  l: { level: string; since: string | null; place: string | null; document: string | null; sourceUrl: string | null },
) {
  await db
    .insertInto("partnership_levels")
    .values({
      partnership_id: partnershipId,
      level: l.level,
      since: l.since,
      place: l.place,
      document: l.document,
      source_url: l.sourceUrl,
    })
    .execute();
}

const partnershipWithParties = (db: DbOrTx) =>
  db
    .selectFrom("partnerships as p")
    .innerJoin("countries as a", "a.code", "p.party_a")
    .innerJoin("countries as b", "b.code", "p.party_b")
    .selectAll("p")
    .select(["a.name_en as a_name", "a.name_vi as a_name_vi", "b.name_en as b_name", "b.name_vi as b_name_vi"]);

export type PartnershipRow = NonNullable<Awaited<ReturnType<typeof findPartnershipBySlug>>>;

export async function findPartnershipBySlug(db: DbOrTx, slug: string) {
  return partnershipWithParties(db).where("p.slug", "=", slug).executeTakeFirst();
}

export async function listPartnershipRows(db: DbOrTx) {
  return partnershipWithParties(db).orderBy("p.established", "desc").orderBy("p.slug").execute();
}

export async function listLevels(db: DbOrTx, partnershipId: number) {
  return db
    .selectFrom("partnership_levels")
    .selectAll()
    .where("partnership_id", "=", partnershipId)
    .orderBy("since")
    .orderBy("id")
    .execute();
}

export async function listPillarRows(db: DbOrTx, partnershipId: number) {
  return db
    .selectFrom("pillars")
    .select(["id", "code", "name", "name_vi"])
    .where("partnership_id", "=", partnershipId)
    .orderBy("sort")
    .orderBy("id")
    .execute();
}

/** Counts of the partnership's records, in one round trip. */
export async function countRecords(db: DbOrTx, partnershipId: number) {
  const n = (table: string, where = sql`partnership_id = ${partnershipId}`) =>
    sql<number>`(select count(*)::int from ${sql.table(table)} where ${where})`;
  const result = await sql<{
    pillars: number;
    commitments: number;
    actions: number;
    instruments: number;
    targets: number;
    indicators: number;
    sources: number;
    plan_versions: number;
  }>`select
      ${n("pillars")} as pillars,
      ${n("commitments")} as commitments,
      ${n("actions", sql`commitment_id in (select id from commitments where partnership_id = ${partnershipId})`)} as actions,
      ${n("instruments")} as instruments,
      ${n("targets")} as targets,
      ${n("indicators")} as indicators,
      ${n("sources")} as sources,
      ${n("plan_versions")} as plan_versions`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error("count query returned no row");
  return row;
}
