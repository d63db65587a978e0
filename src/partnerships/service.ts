import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import { findCountry } from "../core/countries.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import { presentDetail, presentSummary } from "./presenter.ts";
import {
  countRecords,
  findPartnershipBySlug,
  insertLevel,
  insertPartnership,
  listLevels,
  listPartnershipRows,
  listPillarRows,
  upsertCountry,
} from "./repository.ts";
import { type NewPartnershipInput, newPartnershipSchema, type PartnershipDetail } from "./schema.ts";

/**
 * Creates a partnership between two countries with its level history.
 *
 * @example
 *   await createPartnership(db, actor, { parties: ["GB", "VN"], level: "Comprehensive Strategic Partnership", since: "2025-10-29" });
 */
export async function createPartnership(db: Db, actor: Actor, input: NewPartnershipInput): Promise<PartnershipDetail> {
  const data = newPartnershipSchema.parse(input);
  const [a, b] = data.parties.map((code) => {
    const c = findCountry(code);
    if (!c) throw new AppError("invalid", `Unknown country code ${code}`);
    return c;
  });
  if (!a || !b) throw new AppError("invalid", "Two parties are required");
  const slug =
    data.slug ??
    [a.code, b.code]
      .map((c) => c.toLowerCase())
      .sort()
      .join("-");
  const detail = await db.transaction().execute(async (tx) => {
    if (await findPartnershipBySlug(tx, slug)) {
      throw new AppError("conflict", `A partnership "${slug}" already exists; choose another --slug`);
    }
    await upsertCountry(tx, a);
    await upsertCountry(tx, b);
    const previous = data.history.at(-1);
    const row = await insertPartnership(tx, {
      slug,
      party_a: a.code,
      party_b: b.code,
      title: data.title ?? `${a.en}–${b.en}${data.level ? ` ${data.level}` : ""}`,
      level: data.level,
      established: data.since,
      place: data.place,
      previous_level: previous?.level ?? null,
      founding_document: data.foundingDocument,
      settings: JSON.stringify(data.settings),
    });
    for (const l of data.history) await insertLevel(tx, row.id, l);
    if (data.level) {
      await insertLevel(tx, row.id, {
        level: data.level,
        since: data.since,
        place: data.place,
        document: data.foundingDocument,
        sourceUrl: null,
      });
    }
    const created = await loadDetail(tx, slug);
    await recordAudit(tx, actor, {
      partnershipId: row.id,
      entityType: "partnership",
      entityId: row.id,
      action: "create",
      after: created,
    });
    return created;
  });
  return detail;
}

export async function listPartnerships(db: DbOrTx) {
  return (await listPartnershipRows(db)).map(presentSummary);
}

export async function getPartnership(db: DbOrTx, slug: string): Promise<PartnershipDetail> {
  return loadDetail(db, slug);
}

async function loadDetail(db: DbOrTx, slug: string): Promise<PartnershipDetail> {
  const p = await findPartnershipBySlug(db, slug);
  if (!p) throw new AppError("not_found", `No partnership "${slug}"`);
  const [levels, pillars, counts] = await Promise.all([
    listLevels(db, p.id),
    listPillarRows(db, p.id),
    countRecords(db, p.id),
  ]);
  return presentDetail(p, levels, pillars, counts);
}

/** Resolves a slug to the partnership's id and parties, or throws not_found. */
export async function requirePartnershipRef(db: DbOrTx, slug: string) {
  const p = await findPartnershipBySlug(db, slug);
  if (!p) throw new AppError("not_found", `No partnership "${slug}"`);
  return { id: p.id, slug: p.slug, partyA: p.party_a, partyB: p.party_b };
}
