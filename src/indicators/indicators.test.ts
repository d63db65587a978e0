import { beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import type { App } from "../http/app.ts";
import { createPartnership, requirePartnershipRef } from "../partnerships/service.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { forEachBackend } from "../test-support/db.ts";
import { importObservations, listIndicators } from "./service.ts";

const HEADER = "indicator,name,period,value,unit,reporting_party,source_name,source_url";
const GOOD = [
  HEADER,
  "trade-jp,Two-way trade (JP statistics),2020,40,USD billion,JP,Ministry of Finance,https://example.org/jp",
  "trade-jp,,2021,44,USD billion,JP,Ministry of Finance,https://example.org/jp",
  "trade-jp,,2022,48.4,USD billion,JP,Ministry of Finance,https://example.org/jp",
  "trade-vn,Two-way trade (VN statistics),2022,50,USD billion,VN,General Statistics Office,",
].join("\n");

forEachBackend("indicators and targets", (t) => {
  let app: App;
  let editor: Awaited<ReturnType<typeof createTestUser>>;
  beforeAll(async () => {
    await createPartnership(t.db(), SYSTEM_ACTOR, { parties: ["JP", "VN"], slug: "jp-vn" });
    app = await createTestApp(t.db());
    editor = await createTestUser(t.db(), { role: "editor", partnership: "jp-vn", party: "VN" });
  });
  const ref = () => requirePartnershipRef(t.db(), "jp-vn");
  const count = async () =>
    Number(
      (
        await t
          .db()
          .selectFrom("observations")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n,
    );

  it("imports a CSV, keeping each party's statistics a separate series", async () => {
    const result = await importObservations(t.db(), SYSTEM_ACTOR, await ref(), GOOD, "trade.csv");
    expect(result).toEqual({ indicatorsCreated: ["trade-jp", "trade-vn"], observationsImported: 4 });
    const indicators = await listIndicators(t.db(), (await ref()).id);
    expect(indicators.map((i) => [i.slug, i.reportingParty, i.observations.length])).toEqual([
      ["trade-jp", "JP", 3],
      ["trade-vn", "VN", 1],
    ]);
  });

  const rejections: [string, string, RegExp][] = [
    ["a wrong header", "indicator,when,value,unit\ntrade-jp,2023,1,USD billion", /bad\.csv:1:2 when: unknown column/],
    [
      "a non-numeric value",
      `${HEADER}\ntrade-jp,,2023,lots,USD billion,JP,,`,
      /bad\.csv:2:4 value: "lots" is not a number/,
    ],
    ["an unknown unit", `${HEADER}\ntrade-jp,,2023,1,furlongs,JP,,`, /bad\.csv:2:5 unit: unknown unit "furlongs"/],
    [
      "a duplicate period in the file",
      `${HEADER}\ntrade-jp,,2023,1,USD billion,JP,,\ntrade-jp,,2023,2,USD billion,JP,,`,
      /bad\.csv:3:3 period: duplicate period 2023 .*line 2/,
    ],
    [
      "a period already stored",
      `${HEADER}\ntrade-jp,,2021,1,USD billion,JP,,`,
      /bad\.csv:2 period: trade-jp already has a value for 2021/,
    ],
    ["a date out of range", `${HEADER}\ntrade-jp,,2150,1,USD billion,JP,,`, /bad\.csv:2:3 period: .*outside 1900–2100/],
    [
      "a spreadsheet formula",
      `${HEADER}\ntrade-jp,,2023,1,USD billion,JP,"=HYPERLINK(""http://x"")",`,
      /bad\.csv:2:7 source_name: cell starts with =/,
    ],
    [
      "mixing the other party's figures into a series",
      `${HEADER}\ntrade-jp,,2023,1,USD billion,VN,,`,
      /separate indicator/,
    ],
    [
      "a different unit in a series",
      `${HEADER}\ntrade-jp,,2023,1,USD million,JP,,`,
      /is in USD billion, not USD million/,
    ],
  ];
  it.each(rejections)("rejects the whole file for %s, importing nothing", async (_name, csv, message) => {
    const before = await count();
    await expect(importObservations(t.db(), SYSTEM_ACTOR, await ref(), csv, "bad.csv")).rejects.toThrow(message);
    expect(await count()).toBe(before);
  });

  it("creates no indicator when a later row of the file fails", async () => {
    const csv = `${HEADER}\ntrade-new,A new series,2023,1,USD billion,JP,,\ntrade-jp,,2023,oops,USD billion,JP,,`;
    await expect(importObservations(t.db(), SYSTEM_ACTOR, await ref(), csv, "bad.csv")).rejects.toMatchObject({
      code: "invalid",
    });
    const mixed = `${HEADER}\ntrade-new,A new series,2023,1,USD billion,JP,,\ntrade-jp,,2021,1,USD billion,JP,,`;
    await expect(importObservations(t.db(), SYSTEM_ACTOR, await ref(), mixed, "bad.csv")).rejects.toThrow(
      /already has/,
    );
    const slugs = (await listIndicators(t.db(), (await ref()).id)).map((i) => i.slug);
    expect(slugs).not.toContain("trade-new");
  });

  it("accepts observations over HTTP only as text/csv from an editor", async () => {
    const [jp] = await listIndicators(t.db(), (await ref()).id);
    const url = `/api/partnerships/jp-vn/indicators/${jp?.id}/observations`;
    const payload = `${HEADER}\ntrade-jp,,2023,53.24,USD billion,JP,,`;
    const anonymous = await app.inject({ method: "POST", url, payload, headers: { "content-type": "text/csv" } });
    expect(anonymous.statusCode).toBe(401);
    const plain = await app.inject({
      method: "POST",
      url,
      payload,
      headers: { ...editor.headers, "content-type": "text/plain" },
    });
    expect(plain.statusCode).toBe(415);
    const res = await app.inject({
      method: "POST",
      url,
      payload,
      headers: { ...editor.headers, "content-type": "text/csv" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ indicatorsCreated: [], observationsImported: 1 });
  });

  it("computes a relative target from its baseline and refuses stale edits", async () => {
    const p = await ref();
    await t
      .db()
      .insertInto("targets")
      .values({
        partnership_id: p.id,
        text: "Double two-way trade <script>alert(1)</script>",
        kind: "relative",
        multiple: 2,
        deadline: "2030",
        deadline_assumed: true,
      })
      .execute();
    const list = (await app.inject("/api/partnerships/jp-vn/targets")).json().targets;
    const target = list[0];
    expect(target.status).toBe("unknown");
    const [jp] = await listIndicators(t.db(), p.id);
    const url = `/api/partnerships/jp-vn/targets/${target.id}`;
    const patch = { version: target.version, indicatorId: jp?.id, baselinePeriod: "2020" };
    const res = await app.inject({ method: "PATCH", url, payload: patch, headers: editor.headers });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    // Baseline 40 (2020) × 2 = 80; latest 53.24 (2023): progress (53.24 − 40) / 40 = 0.331
    expect(view.targetValue).toBe(80);
    expect(view.progress).toBeCloseTo(0.331, 3);
    // (80 / 40)^(1 / (2030.5 − 2020.5)) − 1 = 2^0.1 − 1
    expect(view.requiredAnnualGrowth).toBeCloseTo(2 ** 0.1 - 1, 10);
    // 10 % a year from 2020 gives 40 × 1.1^10 = 103.7 by 2030: on track
    expect(view.trend.annualGrowth).toBeCloseTo(0.1, 6);
    expect(view.status).toBe("on_track");
    expect(view.deadlineAssumed).toBe(true);

    const stale = await app.inject({
      method: "PATCH",
      url,
      payload: { ...patch, deadline: "2035" },
      headers: editor.headers,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("conflict");
    expect(stale.json().error.details.current.deadline).toBe("2030");

    const svg = await app.inject(`${url}/chart.svg`);
    expect(svg.headers["content-type"]).toMatch(/image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg/);
    expect(svg.body).toContain("Two-way trade (JP statistics)");
    expect(svg.body).toContain("Projection");
    expect(svg.body).not.toContain("<script>");
    expect(svg.body).toContain("&lt;script&gt;");
  });
});
