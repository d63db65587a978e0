import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import { createUser } from "../auth/service.ts";
import { createDb, migrateToLatest } from "../core/db/create-db.ts";
import { runCli } from "../test-support/cli.ts";
import { seedTrackingPartnership } from "./test-fixtures.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "entente-tracking-cli-"));
const dir = path.join(tmp, "data");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli([...args, "--data-dir", dir]);
const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("entente actions, updates and audit", () => {
  beforeAll(async () => {
    const db = await createDb({ dataDir: dir });
    try {
      await migrateToLatest(db);
      const { ref } = await seedTrackingPartnership(db);
      for (const party of ["GB", "VN"]) {
        await createUser(db, SYSTEM_ACTOR, {
          email: `reviewer.${party.toLowerCase()}@example.org`,
          name: `Reviewer ${party}`,
          password: "correct horse battery staple",
          grants: [{ role: "reviewer", partnershipId: ref.id, party }],
        });
      }
    } finally {
      await db.destroy();
    }
  });

  // Each CLI run starts Node and opens the database (seconds on a busy machine), so the steps
  // share one database and run in order, each with room for several runs.
  const SLOW = 180_000;
  let actionId = "";
  let updateId = "";

  it("imports all-or-nothing and exports with the formula guard", { timeout: SLOW }, async () => {
    const bad = path.join(tmp, "bad.csv");
    fs.writeFileSync(bad, "partnership,commitment,title,due_date\ngb-vn,C1,Good,2027-01-01\ngb-vn,C1,Bad,31/12/2027\n");
    const refused = await cli("actions", "import", bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:3:4 due_date: "31/12/2027" is not a date YYYY-MM-DD`);
    noStackTrace(refused.stderr);

    const good = path.join(tmp, "good.csv");
    fs.writeFileSync(
      good,
      "partnership,commitment,title,lead_agency_a,lead_agency_b\ngb-vn,C1,=Clinics,Department for Business and Trade,Ministry of Industry and Trade\n",
    );
    const imported = await cli("actions", "import", good, "--json");
    expect(imported.code).toBe(0);
    // Only the good file's row exists: the refused file stored nothing.
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 1 });
    const csv = await cli("actions", "export", "--partnership", "gb-vn");
    const rows = csv.stdout.trim().split("\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(",'=Clinics,");
    actionId = rows[1]?.split(",")[2] ?? "";
  });

  it("runs an update through two-sided sign-off with --as", { timeout: SLOW }, async () => {
    const submitted = await cli(
      "updates",
      "submit",
      "--partnership",
      "gb-vn",
      "--subject",
      `action:${actionId}`,
      "--status",
      "complete",
      "--note",
      "Clinics held",
      "--evidence",
      "https://www.gov.uk/government/collections/uk-vietnam-free-trade-agreement",
      "--json",
    );
    expect(submitted.code).toBe(0);
    const update = JSON.parse(submitted.stdout);
    updateId = String(update.id);
    expect(update).toMatchObject({ state: "pending", signoff: { waitingFor: ["GB", "VN"] } });

    const noReviewer = await cli("updates", "approve", String(update.id));
    expect(noReviewer.code).toBe(2);
    expect(noReviewer.stderr).toMatch(/--as EMAIL is required/);

    const gb = await cli("updates", "approve", String(update.id), "--as", "reviewer.gb@example.org", "--json");
    expect(JSON.parse(gb.stdout)).toMatchObject({ state: "pending", signoff: { waitingFor: ["VN"] } });
    const twice = await cli("updates", "approve", String(update.id), "--as", "reviewer.gb@example.org");
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already approved/);
    const vn = await cli("updates", "approve", String(update.id), "--as", "reviewer.vn@example.org", "--json");
    expect(JSON.parse(vn.stdout)).toMatchObject({ state: "approved" });
  });

  it("shows who did what in the audit log", { timeout: SLOW }, async () => {
    expect(updateId).not.toBe("");

    const audit = await cli("audit", "--partnership", "gb-vn");
    expect(audit.code).toBe(0);
    for (const action of ["import-create", "submit", "approve", "approve-and-publish", "apply-update"]) {
      expect(audit.stdout).toContain(` ${action} `);
    }
    expect(audit.stdout).toMatch(/reviewer\.vn@example\.org \(cli:[^)]+\) approve-and-publish update/);
  });

  it("refuses a missing file in one line", { timeout: SLOW }, async () => {
    const r = await cli("actions", "import", path.join(tmp, "nope.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
