import { beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import { createUser } from "../auth/service.ts";
import { loadDemo } from "../demo/load.ts";
import { forEachBackend, testBackends } from "../test-support/db.ts";
import { type Backup, createBackup, restoreBackup, tableFingerprints } from "./backup.ts";

forEachBackend("backup and restore", (t) => {
  let backup: Backup;
  beforeAll(async () => {
    await loadDemo(t.db());
    await createUser(t.db(), SYSTEM_ACTOR, { email: "ana@example.org", name: "Ana", password: "a long enough secret" });
    backup = await createBackup(t.db());
  });

  it("dumps every table with counts and hashes", async () => {
    const names = backup.tables.map((x) => x.name);
    for (const table of ["partnerships", "commitments", "observations", "audit_events", "users", "plan_versions"]) {
      expect(names).toContain(table);
    }
    expect(names.indexOf("partnerships")).toBeLessThan(names.indexOf("commitments"));
    expect(backup.tables.find((x) => x.name === "audit_events")?.rowCount).toBeGreaterThan(0);
  });

  it.each(testBackends().map((b) => [b.name, b] as const))(
    "restores into an empty %s database with identical counts and hashes",
    async (_name, target) => {
      const fresh = await target.create();
      try {
        const result = await restoreBackup(fresh.db, JSON.parse(JSON.stringify(backup)));
        expect(result.rows).toBe(backup.tables.reduce((n, x) => n + x.rowCount, 0));
        expect(await tableFingerprints(fresh.db)).toEqual(await tableFingerprints(t.db()));
        // Identity sequences continue after the restored ids.
        const created = await createUser(fresh.db, SYSTEM_ACTOR, {
          email: "new@example.org",
          name: "New",
          password: "another long secret",
        });
        expect(created.id).toBeGreaterThan(1);
      } finally {
        await fresh.dispose();
      }
    },
  );

  it("refuses to restore over existing data or a foreign file, changing nothing", async () => {
    const before = await tableFingerprints(t.db());
    await expect(restoreBackup(t.db(), backup)).rejects.toMatchObject({ code: "conflict" });
    await expect(restoreBackup(t.db(), { format: "something else" })).rejects.toMatchObject({ code: "invalid" });
    await expect(restoreBackup(t.db(), { ...backup, migrations: ["0-other"] })).rejects.toThrow(/schema/);
    expect(await tableFingerprints(t.db())).toEqual(before);
  });
});
