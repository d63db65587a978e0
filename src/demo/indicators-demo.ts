import fs from "node:fs";
import path from "node:path";
import type { Actor } from "../audit/actor.ts";
import type { Db } from "../core/db/create-db.ts";
import { importObservations, listIndicators, listTargets, updateTarget } from "../indicators/service.ts";
import { requirePartnershipRef } from "../partnerships/service.ts";
import { demoPartnershipSchema, type DemoPartnership } from "./demo-schema.ts";

const DATA_DIR = path.join(import.meta.dirname, "data", "indicators");

/**
 * Imports each demo partnership's indicator CSV (data/indicators/<slug>.csv,
 * every figure with its source) and links the demo targets to their series.
 */
export async function loadIndicatorDemo(db: Db, actor: Actor, demos: readonly DemoPartnership[]): Promise<void> {
  for (const raw of demos) {
    const demo = demoPartnershipSchema.parse(raw);
    const file = path.join(DATA_DIR, `${demo.partnership.slug}.csv`);
    if (!fs.existsSync(file)) continue;
    const ref = await requirePartnershipRef(db, demo.partnership.slug);
    await importObservations(db, actor, ref, fs.readFileSync(file, "utf8"), path.basename(file));
    const indicators = await listIndicators(db, ref.id);
    const targets = await listTargets(db, ref.id);
    for (const spec of demo.targets) {
      const indicator = indicators.find((i) => i.slug === spec.indicator);
      const target = targets.find((t) => t.text === spec.text);
      if (!indicator || !target) continue;
      await updateTarget(db, actor, ref, target.id, {
        version: target.version,
        indicatorId: indicator.id,
        baselinePeriod: spec.baselinePeriod ?? null,
      });
    }
  }
}
