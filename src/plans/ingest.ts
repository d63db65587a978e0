import crypto from "node:crypto";
import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import { type Citation, type Digest, detectLanguage, extractDigest } from "../extract/index.ts";
import type { PartnershipRef } from "../http/access.ts";
import type { SourceInput } from "../sources/read-inputs.ts";
import { keywords, overlap } from "./keys.ts";
import { findProgress } from "./progress.ts";
import { latestPlan, openReviewItems } from "./repository.ts";
import type { PlanSnapshot, StoredCitation } from "./snapshot.ts";

export interface IngestReport {
  stored: { name: string; sourceId: number }[];
  duplicates: { name: string; sourceId: number }[];
  empty: { name: string; message: string }[];
  digestId: number | null;
  /** New items waiting in the review queue. */
  proposals: number;
  /** Items that matched the plan or the queue and only added citations. */
  matched: number;
  proposedUpdates: number;
}

/** Review categories, keyed by the digest list they come from. */
const CATEGORY = {
  pillars: "pillar",
  instruments: "instrument",
  targets: "target",
  people: "person",
  history: "history",
  commitments: "commitment",
} as const;
type DigestList = keyof typeof CATEGORY;
const LISTS: readonly DigestList[] = ["pillars", "instruments", "targets", "people", "history", "commitments"];

const hash = (text: string) => crypto.createHash("sha256").update(text).digest("hex");
const firstLine = (text: string) =>
  text
    .replace(/<[^>]+>/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.length > 0)
    ?.slice(0, 200) ?? "Untitled";

/**
 * Stores new source texts byte-exact (the same text twice is stored once),
 * extracts them together and queues the result for review. Before a plan is
 * published every item is a proposal; afterwards items that match the plan
 * or the queue (normalised words, acronyms) only add citations, and
 * statements of progress become proposed updates. One transaction: a failure
 * stores nothing. Nothing changes the published plan without review.
 */
export async function ingestSources(
  db: Db,
  actor: Actor,
  partnership: PartnershipRef,
  inputs: readonly SourceInput[],
): Promise<IngestReport> {
  const report: IngestReport = {
    stored: [],
    duplicates: [],
    empty: [],
    digestId: null,
    proposals: 0,
    matched: 0,
    proposedUpdates: 0,
  };
  if (inputs.length === 0) throw new AppError("invalid", "Nothing to ingest");
  return db.transaction().execute(async (tx) => {
    const fresh: (SourceInput & { hash: string; docId: string })[] = [];
    for (const input of inputs) {
      const h = hash(input.text);
      const existing = await tx
        .selectFrom("sources")
        .select("id")
        .where("partnership_id", "=", partnership.id)
        .where("content_hash", "=", h)
        .executeTakeFirst();
      const twin = fresh.find((f) => f.hash === h);
      if (existing) report.duplicates.push({ name: input.name, sourceId: existing.id });
      else if (!twin) fresh.push({ ...input, hash: h, docId: `doc${fresh.length}` });
    }
    if (fresh.length === 0) return report;

    const digest = extractDigest(
      fresh.map((f) => ({ id: f.docId, text: f.text, format: f.format, title: f.title, date: f.publishedOn })),
    );
    const cited = new Set(allCitations(digest).map((c) => c.source));
    const plan = await latestPlan(tx, partnership.id);
    const sourceIds = new Map<string, number>();
    for (const f of fresh) {
      const progressOnly = plan && findProgress(0, f.text, plan).length > 0;
      if (!cited.has(f.docId) && !progressOnly) {
        report.empty.push({ name: f.name, message: "nothing about a partnership could be extracted" });
        continue;
      }
      const meta = digest.sources.find((s) => s.id === f.docId);
      const row = await tx
        .insertInto("sources")
        .values({
          partnership_id: partnership.id,
          title: f.title ?? meta?.title ?? firstLine(f.text),
          publisher: f.publisher ?? null,
          published_on: f.publishedOn ?? meta?.date ?? null,
          language: meta?.language ?? detectLanguage(f.text),
          url: f.url ?? null,
          file_name: f.url ? null : f.name,
          format: f.format,
          text: f.text,
          content_hash: f.hash,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      sourceIds.set(f.docId, row.id);
      report.stored.push({ name: f.name, sourceId: row.id });
    }
    if (sourceIds.size === 0) {
      throw new AppError(
        "invalid",
        `Nothing stored: ${report.empty.map((e) => `${e.name}: ${e.message}`).join("; ")}`,
        report,
      );
    }
    const toStored = (cs: readonly Citation[]): StoredCitation[] =>
      cs.flatMap((c) => {
        const id = sourceIds.get(c.source);
        return id === undefined ? [] : [{ sourceId: id, start: c.start, end: c.end, quote: c.quote ?? "" }];
      });

    const digestRow = await tx
      .insertInto("digests")
      .values({ partnership_id: partnership.id, body: JSON.stringify(digest), created_by: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    report.digestId = digestRow.id;

    const queue = await openReviewItems(tx, partnership.id);
    const insertItem = async (category: string, payload: unknown, subject: unknown = null) => {
      await tx
        .insertInto("review_items")
        .values({
          partnership_id: partnership.id,
          digest_id: digestRow.id,
          category,
          payload: JSON.stringify(payload),
          subject: subject === null ? null : JSON.stringify(subject),
        })
        .execute();
    };

    if (!plan && !queue.some((q) => q.category === "partnership")) {
      await insertItem("partnership", { ...digest.partnership, citations: toStored(digest.partnership.citations) });
    }
    const pillarNames = new Map(digest.pillars.map((p) => [p.id, p.name]));
    for (const list of LISTS) {
      for (const item of digest[list]) {
        const citations = toStored(item.citations);
        if (citations.length === 0) continue;
        const payload = normalisePayload(list, item, citations, pillarNames);
        const twin = findTwin(list, payload, plan, queue);
        if (twin) {
          report.matched++;
          if (twin.row) await addCitations(tx, twin.row.id, twin.row.payload, citations);
          continue;
        }
        await insertItem(CATEGORY[list], payload);
        report.proposals++;
      }
    }
    for (const conflict of digest.conflicts) {
      await insertItem("conflict", { ...conflict, citations: toStored(conflict.citations), chosen: null });
    }
    if (plan) {
      for (const [docId, sourceId] of sourceIds) {
        const text = fresh.find((f) => f.docId === docId)?.text ?? "";
        for (const u of findProgress(sourceId, text, plan)) {
          await insertItem("update", u, { type: u.subjectType, key: u.subjectKey });
          report.proposedUpdates++;
        }
      }
    }
    await recordAudit(tx, actor, {
      partnershipId: partnership.id,
      entityType: "digest",
      entityId: digestRow.id,
      action: "ingest",
      after: { sources: report.stored, proposals: report.proposals, proposedUpdates: report.proposedUpdates },
    });
    return report;
  });
}

function allCitations(d: Digest): Citation[] {
  return [
    ...d.partnership.citations,
    ...[d.pillars, d.instruments, d.targets, d.people, d.history, d.commitments].flatMap((l) =>
      l.flatMap((i) => i.citations),
    ),
  ];
}

type DigestItem = Digest[DigestList][number];

/** The review payload of a digest item: citations point at stored sources; deadlines are strings. */
function normalisePayload(
  list: DigestList,
  item: DigestItem,
  citations: StoredCitation[],
  pillarNames: Map<string, string>,
): Record<string, unknown> {
  const { citations: _drop, ...rest } = item;
  const payload: Record<string, unknown> = { ...rest, citations };
  if ("deadline" in item) payload.deadline = item.deadline === null ? null : String(item.deadline);
  if (list === "commitments" && "pillar" in item) {
    payload.pillar = item.pillar ? (pillarNames.get(item.pillar) ?? null) : null;
    delete payload.id;
  }
  if (list === "pillars") delete payload.id;
  return payload;
}

/** The text an item is known by, for matching. */
export function itemLabel(payload: unknown): string {
  if (payload && typeof payload === "object") {
    for (const k of ["text", "name", "event"]) {
      const v: unknown = Reflect.get(payload, k);
      if (typeof v === "string") return v;
    }
  }
  return "";
}

function aliasesOf(payload: unknown): string[] {
  const v: unknown = payload && typeof payload === "object" ? Reflect.get(payload, "aliases") : undefined;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

const SAME_ITEM = 0.75;

/** An existing plan item or queued item this one restates, if any. */
function findTwin(
  list: DigestList,
  payload: Record<string, unknown>,
  plan: PlanSnapshot | null,
  queue: Awaited<ReturnType<typeof openReviewItems>>,
): { row: (typeof queue)[number] | null } | null {
  const label = itemLabel(payload);
  const words = keywords(label);
  const names = new Set([label, ...aliasesOf(payload)].map((s) => s.toLowerCase()));
  const same = (other: unknown) => {
    const otherNames = [itemLabel(other), ...aliasesOf(other)].map((s) => s.toLowerCase());
    if (otherNames.some((n) => names.has(n))) return true;
    return overlap(words, keywords(itemLabel(other))) >= SAME_ITEM;
  };
  const queued = queue.find((q) => q.category === CATEGORY[list] && same(q.payload));
  if (queued) return { row: queued };
  const published: readonly unknown[] = plan ? plan[list] : [];
  return published.some(same) ? { row: null } : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

async function addCitations(tx: DbOrTx, id: number, payload: unknown, citations: StoredCitation[]) {
  const base = isRecord(payload) ? payload : {};
  const existing = Array.isArray(base.citations) ? base.citations : [];
  await tx
    .updateTable("review_items")
    .set({ payload: JSON.stringify({ ...base, citations: [...existing, ...citations] }) })
    .where("id", "=", id)
    .execute();
}
