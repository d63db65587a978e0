import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError, assertNoProblems, type Problem } from "../core/errors.ts";
import type { PartnershipRef } from "../http/access.ts";
import { parseObservationsCsv } from "./observations-csv.ts";
import { deadlineT, isProblem, parsePeriod } from "./periods.ts";
import { assessTarget, type Point } from "./projection.ts";
import { findTargetRow, listIndicatorRows, listObservationRows, listTargetRows } from "./repository.ts";
import type { TargetPatch, TargetView } from "./schema.ts";

type ObservationRowDb = Awaited<ReturnType<typeof listObservationRows>>[number];
type TargetRowDb = NonNullable<Awaited<ReturnType<typeof findTargetRow>>>;

/**
 * Imports an observation CSV (see observations-csv.ts) in one transaction:
 * every row or none. Indicators named for the first time are created (their
 * `name` column is then required). A series keeps one unit and one reporting
 * party: figures from the other side's statistics go in their own indicator.
 *
 * @param only restricts the file to one indicator (the HTTP route for `/indicators/:id/observations`).
 */
export async function importObservations(
  db: Db,
  actor: Actor,
  partnership: PartnershipRef,
  csv: string,
  file: string,
  only?: { indicatorId: number },
) {
  const { rows, problems } = parseObservationsCsv(csv, file);
  assertNoProblems(problems, `${file}: nothing imported`);
  return db.transaction().execute(async (tx) => {
    const existing = await listIndicatorRows(tx, partnership.id);
    const bySlug = new Map(existing.map((i) => [i.slug, i]));
    const target = only ? existing.find((i) => i.id === only.indicatorId) : undefined;
    if (only && !target) throw new AppError("not_found", `No indicator ${only.indicatorId} in ${partnership.slug}`);
    const stored = await listObservationRows(
      tx,
      existing.map((i) => i.id),
    );
    const storedPeriods = new Set(stored.map((o) => `${o.indicator_id}|${o.period}`));
    const parties = [partnership.partyA, partnership.partyB];
    const issues: Problem[] = [];
    const at = (line: number, field: string, message: string) => issues.push({ message, where: { file, line, field } });
    const created: string[] = [];
    for (const row of rows) {
      if (target && row.indicator !== target.slug) {
        at(row.line, "indicator", `this upload is for indicator "${target.slug}", not "${row.indicator}"`);
        continue;
      }
      if (row.reportingParty && !parties.includes(row.reportingParty)) {
        at(row.line, "reporting_party", `${row.reportingParty} is not a party of ${partnership.slug}`);
      }
      let indicator = bySlug.get(row.indicator);
      if (!indicator) {
        if (!row.name) {
          at(row.line, "name", `indicator "${row.indicator}" is new: give it a name`);
          continue;
        }
        indicator = await tx
          .insertInto("indicators")
          .values({
            partnership_id: partnership.id,
            slug: row.indicator,
            name: row.name,
            unit: row.unit,
            currency: row.currency,
            reporting_party: row.reportingParty,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        bySlug.set(row.indicator, indicator);
        created.push(row.indicator);
      }
      if (indicator.unit !== row.unit) {
        at(row.line, "unit", `series "${indicator.slug}" is in ${indicator.unit}, not ${row.unit}`);
      }
      if ((indicator.reporting_party ?? null) !== row.reportingParty) {
        at(
          row.line,
          "reporting_party",
          `series "${indicator.slug}" holds ${indicator.reporting_party ?? "unattributed"} figures; put ${row.reportingParty ?? "unattributed"} figures in a separate indicator`,
        );
      }
      if (storedPeriods.has(`${indicator.id}|${row.period}`)) {
        at(row.line, "period", `${indicator.slug} already has a value for ${row.period}`);
      }
    }
    // Throwing rolls back the indicators created above: all or nothing.
    assertNoProblems(issues, `${file}: nothing imported`);
    for (const row of rows) {
      const indicator = bySlug.get(row.indicator);
      if (!indicator) continue;
      await tx
        .insertInto("observations")
        .values({
          indicator_id: indicator.id,
          period: row.period,
          period_start: row.periodStart,
          value: row.value,
          unit: row.unit,
          currency: row.currency,
          source_name: row.sourceName,
          source_url: row.sourceUrl,
          reporting_party: row.reportingParty,
        })
        .execute();
    }
    await recordAudit(tx, actor, {
      partnershipId: partnership.id,
      entityType: "observations",
      entityId: file,
      action: "import",
      after: { rows: rows.length, indicatorsCreated: created },
    });
    return { indicatorsCreated: created, observationsImported: rows.length };
  });
}

export async function listIndicators(db: DbOrTx, partnershipId: number) {
  const indicators = await listIndicatorRows(db, partnershipId);
  const observations = await listObservationRows(
    db,
    indicators.map((i) => i.id),
  );
  return indicators.map((i) => ({
    id: i.id,
    slug: i.slug,
    name: i.name,
    unit: i.unit,
    currency: i.currency,
    reportingParty: i.reporting_party,
    description: i.description,
    observations: observations.filter((o) => o.indicator_id === i.id).map(presentObservation),
  }));
}

const presentObservation = (o: ObservationRowDb) => ({
  period: o.period,
  periodStart: o.period_start,
  value: o.value,
  unit: o.unit,
  currency: o.currency,
  reportingParty: o.reporting_party,
  sourceName: o.source_name,
  sourceUrl: o.source_url,
});

const toPoint = (o: ObservationRowDb): Point | null => {
  const p = parsePeriod(o.period);
  return isProblem(p) ? null : { t: p.t, value: o.value };
};

/** A target with everything computed from its indicator series. */
export interface TargetDetail {
  view: TargetView;
  series: ObservationRowDb[];
  indicatorName: string | null;
}

async function describeTarget(db: DbOrTx, t: TargetRowDb): Promise<TargetDetail> {
  const series = t.indicator_id ? await listObservationRows(db, [t.indicator_id]) : [];
  const indicator = t.indicator_id
    ? await db.selectFrom("indicators").select("name").where("id", "=", t.indicator_id).executeTakeFirst()
    : undefined;
  const baselineRow = series.find((o) => o.id === t.baseline_observation_id) ?? null;
  const baseline = baselineRow ? toPoint(baselineRow) : null;
  const targetValue =
    t.kind === "relative" ? (baselineRow && t.multiple ? baselineRow.value * t.multiple : null) : t.target_value;
  const points = series.map(toPoint).filter((p): p is Point => p !== null);
  // Progress counts from the baseline; the trend uses the most recent points, before it too.
  const a = assessTarget({
    baseline,
    target: targetValue,
    deadlineT: t.deadline ? deadlineT(t.deadline) : null,
    series: points,
  });
  const latestRow = series.at(-1) ?? null;
  return {
    series,
    indicatorName: indicator?.name ?? null,
    view: {
      id: t.id,
      version: t.version,
      text: t.text,
      kind: t.kind === "relative" ? "relative" : "absolute",
      commitmentId: t.commitment_id,
      indicatorId: t.indicator_id,
      multiple: t.multiple,
      targetValue,
      unit: t.unit,
      deadline: t.deadline,
      deadlineAssumed: t.deadline_assumed,
      baseline: baselineRow ? { period: baselineRow.period, value: baselineRow.value } : null,
      latest: latestRow ? { period: latestRow.period, value: latestRow.value } : null,
      progress: a.progress,
      requiredAnnualGrowth: a.requiredCagr,
      trend: a.trend ? { kind: a.trend.kind, annualGrowth: a.trend.annualGrowth, points: a.trend.points } : null,
      projectedAtDeadline: a.projectedAtDeadline,
      reachesTargetIn: a.reachesAt === null ? null : Math.floor(a.reachesAt),
      status: a.status,
    },
  };
}

export async function listTargets(db: DbOrTx, partnershipId: number): Promise<TargetView[]> {
  const rows = await listTargetRows(db, partnershipId);
  const out: TargetView[] = [];
  for (const t of rows) out.push((await describeTarget(db, t)).view);
  return out;
}

export async function getTarget(db: DbOrTx, partnershipId: number, id: number): Promise<TargetDetail> {
  const t = await findTargetRow(db, partnershipId, id);
  if (!t) throw new AppError("not_found", `No target ${id}`);
  return describeTarget(db, t);
}

/**
 * Links a target to an indicator and baseline, or changes its value or
 * deadline. Optimistic concurrency: a stale `version` gets `conflict` with
 * the current target in the error details.
 */
export async function updateTarget(
  db: Db,
  actor: Actor,
  partnership: PartnershipRef,
  id: number,
  patch: TargetPatch,
): Promise<TargetView> {
  return db.transaction().execute(async (tx) => {
    const current = await findTargetRow(tx, partnership.id, id);
    if (!current) throw new AppError("not_found", `No target ${id}`);
    if (current.version !== patch.version) {
      const now = await describeTarget(tx, current);
      throw new AppError("conflict", `Target ${id} was changed by someone else (now version ${current.version})`, {
        current: now.view,
      });
    }
    const indicatorId = patch.indicatorId === undefined ? current.indicator_id : patch.indicatorId;
    if (indicatorId !== null) {
      const ok = await tx
        .selectFrom("indicators")
        .select("id")
        .where("id", "=", indicatorId)
        .where("partnership_id", "=", partnership.id)
        .executeTakeFirst();
      if (!ok) throw new AppError("invalid", `Indicator ${indicatorId} does not belong to ${partnership.slug}`);
    }
    let baselineId = indicatorId === current.indicator_id ? current.baseline_observation_id : null;
    if (patch.baselinePeriod !== undefined) {
      baselineId = null;
      if (patch.baselinePeriod !== null) {
        if (indicatorId === null) throw new AppError("invalid", "Set an indicator before choosing a baseline period");
        const obs = await tx
          .selectFrom("observations")
          .select("id")
          .where("indicator_id", "=", indicatorId)
          .where("period", "=", patch.baselinePeriod)
          .executeTakeFirst();
        if (!obs) throw new AppError("invalid", `The indicator has no observation for ${patch.baselinePeriod}`);
        baselineId = obs.id;
      }
    }
    const updated = await tx
      .updateTable("targets")
      .set({
        indicator_id: indicatorId,
        baseline_observation_id: baselineId,
        target_value: patch.targetValue === undefined ? current.target_value : patch.targetValue,
        multiple: patch.multiple === undefined ? current.multiple : patch.multiple,
        deadline: patch.deadline === undefined ? current.deadline : patch.deadline,
        deadline_assumed: patch.deadlineAssumed ?? current.deadline_assumed,
        version: current.version + 1,
      })
      .where("id", "=", id)
      .where("version", "=", current.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError("conflict", `Target ${id} was changed by someone else`);
    await recordAudit(tx, actor, {
      partnershipId: partnership.id,
      entityType: "target",
      entityId: id,
      action: "update",
      before: current,
      after: updated,
    });
    return (await describeTarget(tx, updated)).view;
  });
}
