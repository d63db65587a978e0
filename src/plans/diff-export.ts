import { stringify } from "csv-stringify/sync";
import { foldKey } from "../extract/index.ts";
import { escapeCsvCell } from "../core/csv.ts";
import { PLAN_CATEGORIES, type PlanCategory, type PlanSnapshot } from "./snapshot.ts";

type Item = PlanSnapshot[PlanCategory][number];

/** How an item is recognised across versions. */
function keyOf(category: PlanCategory, item: Item): string {
  if ("code" in item) return item.code;
  if (category === "history" && "date" in item && "event" in item) return `${item.date} ${foldKey(item.event)}`;
  if ("name" in item) return foldKey(item.name);
  if ("text" in item) return foldKey(item.text);
  return JSON.stringify(item);
}

const label = (item: Item): string =>
  "text" in item ? item.text : "name" in item ? item.name : "event" in item ? item.event : "";
const withoutCitations = (item: Item) => JSON.stringify({ ...item, citations: undefined });

export interface PlanDiff {
  from: number;
  to: number;
  added: { category: PlanCategory; key: string; label: string }[];
  removed: { category: PlanCategory; key: string; label: string }[];
  changed: { category: PlanCategory; key: string; before: string; after: string }[];
}

/** Items added, removed and changed (ignoring citations) between two plan versions. */
export function diffPlans(a: PlanSnapshot, b: PlanSnapshot): PlanDiff {
  const diff: PlanDiff = { from: a.version, to: b.version, added: [], removed: [], changed: [] };
  for (const category of PLAN_CATEGORIES) {
    const before = new Map<string, Item>(a[category].map((i: Item) => [keyOf(category, i), i]));
    const after = new Map<string, Item>(b[category].map((i: Item) => [keyOf(category, i), i]));
    for (const [key, item] of after) {
      const old = before.get(key);
      if (!old) diff.added.push({ category, key, label: label(item) });
      else if (withoutCitations(old) !== withoutCitations(item)) {
        diff.changed.push({ category, key, before: label(old), after: label(item) });
      }
    }
    for (const [key, item] of before) if (!after.has(key)) diff.removed.push({ category, key, label: label(item) });
  }
  return diff;
}

/** One row per item: category, code, text, pillar, actors, deadline, citations. Formula-like cells are escaped. */
export function planToCsv(plan: PlanSnapshot): string {
  const rows: string[][] = [["category", "code", "text", "pillar", "actors", "deadline", "citations"]];
  for (const category of PLAN_CATEGORIES) {
    for (const item of plan[category] as readonly Item[]) {
      rows.push(
        [
          category,
          "code" in item ? item.code : "",
          label(item),
          "pillar" in item ? (item.pillar ?? "") : "",
          "actors" in item ? item.actors.join("; ") : "",
          "deadline" in item ? (item.deadline ?? "") : "date" in item ? item.date : "",
          item.citations.map((c) => `source ${c.sourceId} [${c.start}-${c.end}]`).join("; "),
        ].map(escapeCsvCell),
      );
    }
  }
  return stringify(rows);
}

const TITLES: Record<PlanCategory, string> = {
  pillars: "Pillars",
  commitments: "Commitments",
  instruments: "Instruments",
  targets: "Targets",
  people: "People",
  history: "History",
};

/** Markdown text is escaped so source wording cannot inject markup. */
const md = (s: string) => s.replace(/([\\`*_{}[\]<>#|])/g, "\\$1").replace(/\s+/g, " ");

export function planToMarkdown(plan: PlanSnapshot, title: string): string {
  const out = [`# ${md(title)} — Joint Action Plan, version ${plan.version}`, ""];
  if (plan.partnership) {
    const p = plan.partnership;
    out.push(
      `${md(p.parties.join(" – "))}: ${md(p.level ?? "partnership")}${p.established ? ` since ${p.established}` : ""}${p.place ? `, ${md(p.place)}` : ""}.`,
      "",
    );
  }
  for (const category of PLAN_CATEGORIES) {
    const items = plan[category] as readonly Item[];
    if (items.length === 0) continue;
    out.push(`## ${TITLES[category]}`, "");
    for (const item of items) {
      const code = "code" in item ? `**${item.code}** ` : "";
      const extra =
        "pillar" in item && item.pillar ? ` _(pillar ${item.pillar})_` : "date" in item ? ` _(${item.date})_` : "";
      out.push(`- ${code}${md(label(item))}${extra} [${item.citations.length} citation(s)]`);
    }
    out.push("");
  }
  return out.join("\n");
}
