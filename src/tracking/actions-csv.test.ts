import { beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import type { PartnershipRef } from "../http/access.ts";
import { forEachBackend } from "../test-support/db.ts";
import { ACTION_COLUMNS } from "./actions-csv.ts";
import { exportActions, importActionsCsv } from "./actions-transfer.ts";
import { getCommitment, listCommitments } from "./service.ts";
import { seedTrackingPartnership } from "./test-fixtures.ts";

const HEADER =
  "partnership,commitment,id,version,title,lead_agency_a,lead_agency_b,supporting_agencies,due_date,status";

forEachBackend("actions CSV import and export", (t) => {
  let ref: PartnershipRef;
  const counts = async () => ({
    actions: (await t.db().selectFrom("actions").select("id").execute()).length,
    audit: (await t.db().selectFrom("audit_events").select("id").execute()).length,
    versions: await t.db().selectFrom("actions").select(["id", "version", "title"]).orderBy("id").execute(),
  });

  beforeAll(async () => {
    ({ ref } = await seedTrackingPartnership(t.db()));
  });

  it("adds new actions with their initial status and rolls the commitment up", async () => {
    const csv = [
      HEADER,
      'gb-vn,C1,,,Trade clinics,Department for Business and Trade,Ministry of Industry and Trade,"British Embassy Hanoi; VCCI",2027-06-30,limited',
      "gb-vn,C1,,,Exporter guide,Department for Business and Trade,,,2026-03-31,complete",
    ].join("\n");
    const r = await importActionsCsv(t.db(), SYSTEM_ACTOR, csv, "actions.csv");
    expect(r).toEqual({ created: 2, updated: 0, unchanged: 0, partnerships: ["gb-vn"] });
    const c1 = await getCommitment(t.db(), ref, { code: "C1" });
    expect(c1.status).toBe("substantial");
    expect(c1.actions[0]).toMatchObject({
      title: "Trade clinics",
      status: "limited",
      supportingAgencies: ["British Embassy Hanoi", "VCCI"],
      leadAgencies: [
        { party: "GB", agency: "Department for Business and Trade" },
        { party: "VN", agency: "Ministry of Industry and Trade" },
      ],
    });
  });

  it("stores nothing when any row is bad, naming every bad line and column", async () => {
    const before = await counts();
    const csv = [
      HEADER,
      "gb-vn,C2,,,Fine row,,,,2027-01-01,",
      "gb-vn,C2,,,Bad date,,,,2027-02-30,",
      "gb-vn,C2,,,,,,,,finished",
      "gb-vn,C9,,,Unknown commitment,,,,,",
    ].join("\n");
    const err = await importActionsCsv(t.db(), SYSTEM_ACTOR, csv, "bad.csv").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "invalid" });
    const message = err instanceof Error ? err.message : "";
    expect(message).toMatch(/bad\.csv:3:9 due_date: "2027-02-30" is not a date/);
    expect(message).toMatch(/bad\.csv:4:5 title: is empty/);
    expect(message).toMatch(/bad\.csv:4:10 status: "finished" is not one of/);
    expect(await counts()).toEqual(before);
    // Rows that pass the format check are still matched against the database before anything is written.
    const unknown = await importActionsCsv(
      t.db(),
      SYSTEM_ACTOR,
      [HEADER, "gb-vn,C2,,,Fine row,,,,,", "gb-vn,C9,,,Unknown commitment,,,,,"].join("\n"),
      "bad.csv",
    ).catch((e: unknown) => e);
    expect(unknown instanceof Error ? unknown.message : "").toMatch(/bad\.csv:3 commitment: no commitment C9 in gb-vn/);
    expect(await counts()).toEqual(before);
  });

  it("rejects a header with unknown or missing columns", async () => {
    const err = await importActionsCsv(t.db(), SYSTEM_ACTOR, "partnership,titel\ngb-vn,x", "h.csv").catch(
      (e: unknown) => e,
    );
    const message = err instanceof Error ? err.message : "";
    expect(message).toMatch(/h\.csv:1:2 titel: unknown column/);
    expect(message).toMatch(/missing required column "commitment"/);
  });

  it("edits existing actions at the exported version and refuses stale ones with 409, all or nothing", async () => {
    const exported = await exportActions(t.db(), "gb-vn", "csv");
    const lines = exported.trim().split("\n");
    expect(lines[0]).toBe(ACTION_COLUMNS.join(","));
    const edited = [
      lines[0],
      ...lines.slice(1).map((l) => l.replace("Trade clinics", "Trade clinics in three cities")),
    ];
    const r = await importActionsCsv(t.db(), SYSTEM_ACTOR, edited.join("\n"), "round-trip.csv");
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const before = await counts();
    const stale = await importActionsCsv(t.db(), SYSTEM_ACTOR, edited.join("\n"), "round-trip.csv").catch(
      (e: unknown) => e,
    );
    expect(stale).toMatchObject({ code: "conflict" });
    expect(stale instanceof Error ? stale.message : "").toMatch(
      /round-trip\.csv:2: action \d+ is at version 2, the file has 1/,
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses a status change on an existing action: those go through updates", async () => {
    const [row] = (await exportActions(t.db(), "gb-vn", "csv")).trim().split("\n").slice(1);
    const changed = (row ?? "").replace(",limited,", ",complete,");
    const err = await importActionsCsv(t.db(), SYSTEM_ACTOR, `${ACTION_COLUMNS.join(",")}\n${changed}`, "s.csv").catch(
      (e: unknown) => e,
    );
    expect(err instanceof Error ? err.message : "").toMatch(
      /s\.csv:2 status: is limited in the database; status changes go through updates/,
    );
  });

  it("guards exported cells against spreadsheet formulas and reads them back unchanged", async () => {
    await importActionsCsv(
      t.db(),
      SYSTEM_ACTOR,
      `${HEADER}\ngb-vn,C2,,,"=HYPERLINK(""http://evil.example"")",@SUM(1),-1 agency,,,`,
      "f.csv",
    );
    const csv = await exportActions(t.db(), "gb-vn", "csv");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).toContain(",'@SUM(1),");
    expect(csv).toContain(",'-1 agency,");
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);
    const again = await importActionsCsv(t.db(), SYSTEM_ACTOR, csv, "export.csv");
    expect(again.updated).toBe(0);
    const c2 = (await listCommitments(t.db(), ref)).find((c) => c.code === "C2");
    expect(c2?.actions[0]?.title).toBe('=HYPERLINK("http://evil.example")');
    const json = JSON.parse(await exportActions(t.db(), "gb-vn", "json"));
    expect(json.actions).toHaveLength(3);
  });
});
