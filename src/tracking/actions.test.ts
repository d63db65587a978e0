import { beforeAll, expect, it } from "vitest";
import type { App } from "../http/app.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { forEachBackend } from "../test-support/db.ts";
import { seedTrackingPartnership } from "./test-fixtures.ts";

forEachBackend("actions, milestones, instruments and mechanisms API", (t) => {
  let app: App;
  let editor: Awaited<ReturnType<typeof createTestUser>>;
  const base = "/api/partnerships/gb-vn";
  const auditCount = async () =>
    Number(
      (
        await t
          .db()
          .selectFrom("audit_events")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    app = await createTestApp(t.db());
    await seedTrackingPartnership(t.db());
    editor = await createTestUser(t.db(), { role: "editor", partnership: "gb-vn", party: "GB" });
  });

  const newAction = {
    title: "Run UKVFTA utilisation clinics for Vietnamese exporters",
    leadAgencies: [
      { party: "GB", agency: "Department for Business and Trade" },
      { party: "VN", agency: "Ministry of Industry and Trade" },
    ],
    supportingAgencies: ["British Embassy Hanoi"],
    startDate: "2026-01-01",
    dueDate: "2020-06-30",
  };

  it("refuses writes from the anonymous public and from viewers", async () => {
    const url = `${base}/commitments/C1/actions`;
    const anonymous = await app.inject({ method: "POST", url, payload: { title: "x" } });
    expect(anonymous.statusCode).toBe(401);
    const viewer = await createTestUser(t.db(), { role: "viewer", partnership: "gb-vn" });
    const denied = await app.inject({ method: "POST", url, payload: { title: "x" }, headers: viewer.headers });
    expect(denied.statusCode).toBe(403);
  });

  it("rejects a start date after the due date and a lead agency for a third country, storing nothing", async () => {
    const before = await auditCount();
    const dates = await app.inject({
      method: "POST",
      url: `${base}/commitments/C1/actions`,
      headers: editor.headers,
      payload: newAction,
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.message).toMatch(/dueDate/);
    const third = await app.inject({
      method: "POST",
      url: `${base}/commitments/C1/actions`,
      headers: editor.headers,
      payload: { ...newAction, dueDate: "2026-12-31", leadAgencies: [{ party: "FR", agency: "Quai d'Orsay" }] },
    });
    expect(third.statusCode).toBe(422);
    expect(third.json().error.code).toBe("invalid");
    expect(await auditCount()).toBe(before);
    expect((await app.inject(`${base}/commitments/C1`)).json().actions).toEqual([]);
  });

  it("creates an action with a lead agency per party and shows it publicly with its milestones", async () => {
    const created = await app.inject({
      method: "POST",
      url: `${base}/commitments/C1/actions`,
      headers: editor.headers,
      payload: { ...newAction, startDate: "2025-01-01", dueDate: "2025-06-30" },
    });
    expect(created.statusCode).toBe(201);
    const action = created.json();
    expect(action).toMatchObject({
      commitmentCode: "C1",
      status: "not_started",
      version: 1,
      overdue: true,
      leadAgencies: newAction.leadAgencies,
    });
    const milestone = await app.inject({
      method: "POST",
      url: `${base}/actions/${action.id}/milestones`,
      headers: editor.headers,
      payload: { title: "First clinic held in Ho Chi Minh City", dueDate: "2025-03-31" },
    });
    expect(milestone.statusCode).toBe(201);
    const listed = (await app.inject(`${base}/commitments?asOf=2025-01-15`)).json();
    const c1 = listed.commitments.find((c: { code: string }) => c.code === "C1");
    expect(c1.statusSource).toBe("actions");
    expect(c1.actions[0].overdue).toBe(false);
    expect(c1.actions[0].milestones).toMatchObject([
      { title: "First clinic held in Ho Chi Minh City", overdue: false },
    ]);
    const later = (await app.inject(`${base}/actions/${action.id}?asOf=2025-04-01`)).json();
    expect(later.milestones[0].overdue).toBe(true);
  });

  it("answers a stale version with 409 and the current action, changing nothing", async () => {
    const [action] = (await app.inject(`${base}/commitments/C1`)).json().actions;
    const url = `${base}/actions/${action.id}`;
    const first = await app.inject({
      method: "PATCH",
      url,
      headers: editor.headers,
      payload: { version: 1, description: "First edit" },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const audit = await auditCount();
    const stale = await app.inject({
      method: "PATCH",
      url,
      headers: editor.headers,
      payload: { version: 1, description: "Lost edit" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("conflict");
    expect(stale.json().error.details.current).toMatchObject({ id: action.id, version: 2, description: "First edit" });
    expect((await app.inject(url)).json().description).toBe("First edit");
    expect(await auditCount()).toBe(audit);
  });

  it("refuses to set an action's status by editing: status changes go through updates", async () => {
    const [action] = (await app.inject(`${base}/commitments/C1`)).json().actions;
    const res = await app.inject({
      method: "PATCH",
      url: `${base}/actions/${action.id}`,
      headers: editor.headers,
      payload: { version: action.version, status: "complete" },
    });
    expect(res.statusCode).toBe(400);
    expect((await app.inject(`${base}/actions/${action.id}`)).json().status).toBe("not_started");
  });

  it("keeps an instruments register and links the commitment that implements one", async () => {
    const created = await app.inject({
      method: "POST",
      url: `${base}/instruments`,
      headers: editor.headers,
      payload: {
        name: "UK–Viet Nam Free Trade Agreement",
        kind: "free-trade agreement",
        signedOn: "2020-12-29",
        inForceOn: "2021-05-01",
      },
    });
    expect(created.statusCode).toBe(201);
    const instrument = created.json();
    expect(instrument).toMatchObject({ status: "in force", parties: ["United Kingdom", "Viet Nam"] });
    const bad = await app.inject({
      method: "POST",
      url: `${base}/instruments`,
      headers: editor.headers,
      payload: { name: "Backwards", kind: "mou", signedOn: "2022-01-01", inForceOn: "2021-01-01" },
    });
    expect(bad.statusCode).toBe(422);
    const c1 = (await app.inject(`${base}/commitments/C1`)).json();
    const linked = await app.inject({
      method: "PATCH",
      url: `${base}/commitments/C1`,
      headers: editor.headers,
      payload: { version: c1.version, instrumentId: instrument.id },
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().instrument).toEqual({ id: instrument.id, name: "UK–Viet Nam Free Trade Agreement" });
    const register = (await app.inject(`${base}/instruments`)).json().instruments;
    expect(register[0].commitments.map((c: { code: string }) => c.code)).toEqual(["C1"]);
    const stale = await app.inject({
      method: "PATCH",
      url: `${base}/instruments/${instrument.id}`,
      headers: editor.headers,
      payload: { version: 7, status: "ended" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(1);
  });

  it("records mechanisms, their meetings and the actions each reviewed", async () => {
    const [action] = (await app.inject(`${base}/commitments/C1`)).json().actions;
    const mechanism = await app.inject({
      method: "POST",
      url: `${base}/mechanisms`,
      headers: editor.headers,
      payload: { name: "Joint Economic and Trade Committee", kind: "committee" },
    });
    expect(mechanism.statusCode).toBe(201);
    const url = `${base}/mechanisms/${mechanism.json().id}/meetings`;
    const unknownAction = await app.inject({
      method: "POST",
      url,
      headers: editor.headers,
      payload: { heldOn: "2025-09-10", actionIds: [999_999] },
    });
    expect(unknownAction.statusCode).toBe(422);
    const meeting = await app.inject({
      method: "POST",
      url,
      headers: editor.headers,
      payload: { heldOn: "2025-09-10", place: "Hanoi", participants: ["DBT", "MOIT"], actionIds: [action.id] },
    });
    expect(meeting.statusCode).toBe(201);
    const listed = (await app.inject(`${base}/mechanisms`)).json().mechanisms;
    expect(listed[0].meetings[0]).toMatchObject({
      heldOn: "2025-09-10",
      place: "Hanoi",
      reviewedActions: [{ id: action.id, commitmentCode: "C1" }],
    });
  });

  it("shows the audit log to viewers, not to the public", async () => {
    expect((await app.inject(`${base}/audit`)).statusCode).toBe(401);
    const viewer = await createTestUser(t.db(), { role: "viewer", partnership: "gb-vn" });
    const page = await app.inject({ url: `${base}/audit?limit=2`, headers: viewer.headers });
    expect(page.statusCode).toBe(200);
    expect(page.json().events).toHaveLength(2);
    expect(page.json().nextAfter).toBe(page.json().events[1].id);
    const all = (await app.inject({ url: `${base}/audit?limit=1000`, headers: viewer.headers })).json();
    const actionUpdates = all.events.filter(
      (e: { entityType: string; action: string }) => e.entityType === "action" && e.action === "update",
    );
    expect(actionUpdates).toHaveLength(1);
    expect(actionUpdates[0]).toMatchObject({
      actor: editor.email,
      before: { description: null },
      after: { description: "First edit" },
    });
  });
});
