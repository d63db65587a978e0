import type { DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import type { PartnershipRef } from "../http/access.ts";
import { diffPlans, planToCsv, planToMarkdown } from "./diff-export.ts";
import { latestPlan, listPlanVersions, planVersion } from "./repository.ts";
import type { PlanSnapshot } from "./snapshot.ts";

export { ingestSources } from "./ingest.ts";
export { publishPlan } from "./publish.ts";
export { acceptAllPending, decideReviewItem, listReviewItems } from "./review.ts";

export const listVersions = listPlanVersions;

/** Plan version `n`, or the latest when `n` is omitted; not_found otherwise. */
export async function getPlan(db: DbOrTx, partnership: PartnershipRef, n?: number): Promise<PlanSnapshot> {
  const plan = n === undefined ? await latestPlan(db, partnership.id) : await planVersion(db, partnership.id, n);
  if (!plan) {
    throw new AppError(
      "not_found",
      n === undefined ? `${partnership.slug} has no published plan yet` : `No plan version ${n}`,
    );
  }
  return plan;
}

export async function diffVersions(db: DbOrTx, partnership: PartnershipRef, from: number, to: number) {
  return diffPlans(await getPlan(db, partnership, from), await getPlan(db, partnership, to));
}

export type ExportFormat = "json" | "csv" | "md";

export async function exportPlan(db: DbOrTx, partnership: PartnershipRef, format: ExportFormat, n?: number) {
  const plan = await getPlan(db, partnership, n);
  const title = await db.selectFrom("partnerships").select("title").where("id", "=", partnership.id).executeTakeFirst();
  if (format === "csv") return { contentType: "text/csv; charset=utf-8", body: planToCsv(plan) };
  if (format === "md")
    return {
      contentType: "text/markdown; charset=utf-8",
      body: planToMarkdown(plan, title?.title ?? partnership.slug),
    };
  return { contentType: "application/json", body: `${JSON.stringify(plan, null, 2)}\n` };
}

/** A stored source's text, so a client can highlight cited spans. */
export async function getSource(db: DbOrTx, partnership: PartnershipRef, id: number) {
  const s = await db
    .selectFrom("sources")
    .select([
      "id",
      "title",
      "publisher",
      "published_on",
      "language",
      "url",
      "file_name",
      "format",
      "text",
      "content_hash",
    ])
    .where("id", "=", id)
    .where("partnership_id", "=", partnership.id)
    .executeTakeFirst();
  if (!s) throw new AppError("not_found", `No source ${id}`);
  return {
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    publishedOn: s.published_on,
    language: s.language,
    url: s.url,
    fileName: s.file_name,
    format: s.format,
    contentHash: s.content_hash,
    text: s.text,
  };
}
