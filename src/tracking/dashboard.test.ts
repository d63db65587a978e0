import { beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../audit/actor.ts";
import type { Principal } from "../auth/roles.ts";
import { loadDemo } from "../demo/load.ts";
import type { App } from "../http/app.ts";
import { requirePartnershipRef } from "../partnerships/service.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { forEachBackend } from "../test-support/db.ts";
import { getDashboard } from "./dashboard.ts";
import { createAction, createMilestone } from "./service.ts";
import { seedTrackingPartnership } from "./test-fixtures.ts";
import { approveUpdate, createUpdate, listUpdates } from "./updates-service.ts";

forEachBackend("dashboard", (t) => {
  it("counts by status per pillar and lead agency, lists overdue milestones, and shows only approved updates", async () => {
    const { ref } = await seedTrackingPartnership(t.db());
    const lead = (gb: string, vn: string) => [
      { party: "GB", agency: gb },
      { party: "VN", agency: vn },
    ];
    const a1 = await createAction(t.db(), SYSTEM_ACTOR, ref, "C1", {
      title: "A1",
      leadAgencies: lead("Department for Business and Trade", "Ministry of Industry and Trade"),
      dueDate: "2026-01-31",
    });
    await createAction(t.db(), SYSTEM_ACTOR, ref, "C1", {
      title: "A2",
      leadAgencies: lead("Department for Business and Trade", "Ministry of Finance"),
      dueDate: "2027-01-31",
    });
    await createAction(t.db(), SYSTEM_ACTOR, ref, "C3", { title: "A3", dueDate: "2025-01-31" });
    const late = await createMilestone(t.db(), SYSTEM_ACTOR, ref, a1.id, { title: "Late", dueDate: "2026-01-01" });
    await createMilestone(t.db(), SYSTEM_ACTOR, ref, a1.id, { title: "Later", dueDate: "2026-05-01" });
    await createMilestone(t.db(), SYSTEM_ACTOR, ref, a1.id, { title: "Future", dueDate: "2027-05-01" });

    const editor = { userId: null, label: "test" };
    const reviewer = (id: number, party: string): Principal => ({
      user: { id, email: `${party}@example.org`, name: party, isAdmin: false },
      grants: [{ role: "reviewer", partnershipId: ref.id, party }],
    });
    const gb = await createTestUser(t.db(), { role: "reviewer", partnership: "gb-vn", party: "GB" });
    const vn = await createTestUser(t.db(), { role: "reviewer", partnership: "gb-vn", party: "VN" });
    let u = await createUpdate(t.db(), editor, ref, {
      subject: { type: "action", id: a1.id },
      note: "Under way",
      newStatus: "substantial",
      evidence: [{ citation: "Minutes" }],
      submit: true,
    });
    u = await approveUpdate(t.db(), editor, reviewer(gb.id, "GB"), ref, u.id, { version: u.version });
    await approveUpdate(t.db(), editor, reviewer(vn.id, "VN"), ref, u.id, { version: u.version });
    await createUpdate(t.db(), editor, ref, {
      subject: { type: "action", id: a1.id },
      note: "Pending, not public",
      newStatus: "complete",
      evidence: [{ citation: "Minutes" }],
      submit: true,
    });

    const d = await getDashboard(t.db(), ref, { today: "2026-03-01" });
    expect(d.totals.actions).toMatchObject({ total: 3, not_started: 2, substantial: 1, overdue: 2 });
    expect(d.totals.milestones).toMatchObject({ total: 3, overdue: 1 });
    expect(d.totals.commitments).toMatchObject({ total: 3, substantial: 1, not_started: 2, overdue: 1 });
    const [p1, p2] = d.pillars;
    expect(p1).toMatchObject({ code: "P1", actions: { total: 2, substantial: 1 }, commitments: { total: 2 } });
    expect(p2).toMatchObject({ code: "P2", actions: { total: 1, overdue: 1 } });
    expect(d.overdueMilestones).toEqual([
      expect.objectContaining({ id: late.id, daysOverdue: 59, commitmentCode: "C1", pillarCode: "P1" }),
    ]);
    expect(d.leadAgencies[0]).toMatchObject({
      party: "GB",
      agency: "Department for Business and Trade",
      actions: { total: 2, overdue: 1 },
    });
    expect(d.leadAgencies.map((l) => l.agency)).toContain("Ministry of Finance");
    expect(d.recentUpdates.map((x) => x.note)).toEqual(["Under way"]);
  });
});

forEachBackend("tracking demo", (t) => {
  let app: App;
  beforeAll(async () => {
    await loadDemo(t.db());
    app = await createTestApp(t.db());
  });

  it.each(["gb-vn", "au-vn", "fr-vn"])("shows real progress for %s", async (slug) => {
    const d = (await app.inject(`/api/partnerships/${slug}/dashboard?asOf=2026-11-24`)).json();
    expect(d.totals.actions.total).toBeGreaterThanOrEqual(5);
    expect(d.totals.milestones.total).toBeGreaterThanOrEqual(5);
    expect(d.totals.actions.not_started).toBeLessThan(d.totals.actions.total);
    expect(d.recentUpdates.length).toBeGreaterThanOrEqual(3);
    expect(d.recentUpdates.every((u: { state: string }) => u.state === "approved")).toBe(true);
    expect(d.overdueMilestones.length).toBeGreaterThanOrEqual(1);
    expect(d.leadAgencies.length).toBeGreaterThanOrEqual(6);
    const ref = await requirePartnershipRef(t.db(), slug);
    const all = await listUpdates(t.db(), ref, { internal: true });
    expect(all.some((u) => u.state === "pending")).toBe(true);
    const mechanisms = (await app.inject(`/api/partnerships/${slug}/mechanisms`)).json().mechanisms;
    expect(mechanisms.length).toBeGreaterThanOrEqual(2);
  });

  it("names the agencies that really lead the work on each side", async () => {
    const d = (await app.inject("/api/partnerships/gb-vn/dashboard")).json();
    const agencies = d.leadAgencies.map((l: { party: string; agency: string }) => `${l.party}:${l.agency}`);
    expect(agencies).toEqual(
      expect.arrayContaining(["GB:Department for Business and Trade", "VN:Ministry of Industry and Trade"]),
    );
  });
});
