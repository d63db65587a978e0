import type { PartnershipDetail, PartnershipSummary } from "./schema.ts";
import type { PartnershipRow, countRecords, listLevels, listPillarRows } from "./repository.ts";

export function presentSummary(p: PartnershipRow): PartnershipSummary {
  return {
    slug: p.slug,
    title: p.title,
    parties: [
      { code: p.party_a, name: p.a_name, nameVi: p.a_name_vi },
      { code: p.party_b, name: p.b_name, nameVi: p.b_name_vi },
    ],
    level: p.level,
    established: p.established,
    place: p.place,
  };
}

export function presentDetail(
  p: PartnershipRow,
  levels: Awaited<ReturnType<typeof listLevels>>,
  pillars: Awaited<ReturnType<typeof listPillarRows>>,
  counts: Awaited<ReturnType<typeof countRecords>>,
): PartnershipDetail {
  return {
    ...presentSummary(p),
    previousLevel: p.previous_level,
    foundingDocument: p.founding_document,
    settings: { singleSideSignoff: p.settings.singleSideSignoff === true },
    levels: levels.map((l) => ({
      level: l.level,
      since: l.since,
      place: l.place,
      document: l.document,
      sourceUrl: l.source_url,
    })),
    pillars: pillars.map((x) => ({ code: x.code, name: x.name, nameVi: x.name_vi })),
    counts: {
      pillars: counts.pillars,
      commitments: counts.commitments,
      actions: counts.actions,
      instruments: counts.instruments,
      targets: counts.targets,
      indicators: counts.indicators,
      sources: counts.sources,
      planVersions: counts.plan_versions,
    },
  };
}
