import { beforeAll, expect, it } from "vitest";
import type { App } from "../http/app.ts";
import { createTestApp, createTestUser } from "../test-support/app.ts";
import { forEachBackend } from "../test-support/db.ts";
import { seedTrackingPartnership, type TrackingFixture } from "./test-fixtures.ts";

type User = Awaited<ReturnType<typeof createTestUser>>;

forEachBackend("update workflow and two-sided sign-off", (t) => {
  let app: App;
  let fx: TrackingFixture;
  let editor: User;
  let reviewerGb: User;
  let reviewerGb2: User;
  let reviewerVn: User;
  let actionId: number;
  const base = "/api/partnerships/gb-vn";

  const snapshotOf = async () => ({
    updates: await t.db().selectFrom("updates").selectAll().orderBy("id").execute(),
    approvals: await t.db().selectFrom("update_approvals").selectAll().orderBy("update_id").execute(),
    actions: await t.db().selectFrom("actions").selectAll().orderBy("id").execute(),
    audit: (await t.db().selectFrom("audit_events").select("id").execute()).length,
  });

  const post = (url: string, user: User, payload: object) =>
    app.inject({ method: "POST", url: `${base}${url}`, headers: user.headers, payload });

  beforeAll(async () => {
    app = await createTestApp(t.db());
    fx = await seedTrackingPartnership(t.db());
    editor = await createTestUser(t.db(), { role: "editor", partnership: "gb-vn", party: "GB" });
    reviewerGb = await createTestUser(t.db(), { role: "reviewer", partnership: "gb-vn", party: "GB" });
    reviewerGb2 = await createTestUser(t.db(), { role: "reviewer", partnership: "gb-vn", party: "GB" });
    reviewerVn = await createTestUser(t.db(), { role: "reviewer", partnership: "gb-vn", party: "VN" });
    const action = await post("/commitments/C1/actions", editor, {
      title: "Publish a joint guide to the UKVFTA rules of origin",
      leadAgencies: [
        { party: "GB", agency: "Department for Business and Trade" },
        { party: "VN", agency: "Ministry of Industry and Trade" },
      ],
    });
    actionId = action.json().id;
  });

  const draft = async (payload: object = {}) => {
    const res = await post("/updates", editor, {
      subject: { type: "action", id: actionId },
      note: "The guide was published in both languages",
      newStatus: "complete",
      evidence: [{ url: "https://www.gov.uk/government/publications/example-guide" }],
      ...payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  it("publishes an update only after a reviewer of each party approved, then applies its status", async () => {
    const d = await draft();
    expect(d).toMatchObject({ state: "draft", version: 1, signoff: { rule: "each-party", waitingFor: [] } });
    const submitted = await post(`/updates/${d.id}/submit`, editor, { version: 1 });
    expect(submitted.json()).toMatchObject({ state: "pending", version: 2, signoff: { waitingFor: ["GB", "VN"] } });

    const gb = await post(`/updates/${d.id}/approve`, reviewerGb, { version: 2 });
    expect(gb.statusCode).toBe(200);
    expect(gb.json()).toMatchObject({ state: "pending", signoff: { waitingFor: ["VN"] } });
    expect((await app.inject(`${base}/updates`)).json().updates).toEqual([]);
    expect((await app.inject(`${base}/updates/${d.id}`)).statusCode).toBe(404);
    expect((await app.inject(`${base}/actions/${actionId}`)).json().status).toBe("not_started");

    const vn = await post(`/updates/${d.id}/approve`, reviewerVn, { version: 3 });
    expect(vn.statusCode).toBe(200);
    expect(vn.json()).toMatchObject({ state: "approved", signoff: { waitingFor: [] } });
    expect(
      vn
        .json()
        .approvals.map((a: { party: string }) => a.party)
        .sort(),
    ).toEqual(["GB", "VN"]);

    const published = (await app.inject(`${base}/updates`)).json().updates;
    expect(published.map((u: { id: number }) => u.id)).toEqual([d.id]);
    expect(published[0].approvals[0].by).toBeUndefined();
    expect((await app.inject(`${base}/actions/${actionId}`)).json()).toMatchObject({ status: "complete", version: 2 });
    const c1 = (await app.inject(`${base}/commitments/C1`)).json();
    expect(c1).toMatchObject({ status: "complete", statusSource: "actions" });
  });

  it("gives stable 409 codes for invalid transitions and changes nothing", async () => {
    const d = await draft({ newStatus: "substantial" });
    const before = await snapshotOf();
    const approveDraft = await post(`/updates/${d.id}/approve`, reviewerGb, { version: d.version });
    expect(approveDraft.statusCode).toBe(409);
    expect(approveDraft.json().error).toMatchObject({ code: "conflict", details: { reason: "not_pending" } });
    const returnDraft = await post(`/updates/${d.id}/return`, reviewerGb, { version: d.version, reason: "No" });
    expect(returnDraft.json().error.details.reason).toBe("not_pending");
    expect(await snapshotOf()).toEqual(before);

    const pending = (await post(`/updates/${d.id}/submit`, editor, { version: d.version })).json();
    await post(`/updates/${d.id}/approve`, reviewerGb, { version: pending.version });
    const mid = await snapshotOf();
    const twiceSameUser = await post(`/updates/${d.id}/approve`, reviewerGb, { version: pending.version + 1 });
    expect(twiceSameUser.statusCode).toBe(409);
    expect(twiceSameUser.json().error.details.reason).toBe("already_approved_by_you");
    const twiceSameSide = await post(`/updates/${d.id}/approve`, reviewerGb2, { version: pending.version + 1 });
    expect(twiceSameSide.statusCode).toBe(409);
    expect(twiceSameSide.json().error.details.reason).toBe("party_already_approved");
    const otherParty = await post(`/updates/${d.id}/approve`, reviewerVn, {
      version: pending.version + 1,
      party: "GB",
    });
    expect(otherParty.statusCode).toBe(403);
    const stale = await post(`/updates/${d.id}/approve`, reviewerVn, { version: pending.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({
      reason: "stale_version",
      current: { version: pending.version + 1 },
    });
    expect(await snapshotOf()).toEqual(mid);

    const approved = (await post(`/updates/${d.id}/approve`, reviewerVn, { version: pending.version + 1 })).json();
    expect(approved.state).toBe("approved");
    const after = await snapshotOf();
    const edit = await app.inject({
      method: "PATCH",
      url: `${base}/updates/${d.id}`,
      headers: editor.headers,
      payload: { version: approved.version, note: "Rewritten history" },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details.reason).toBe("not_editable");
    const resubmit = await post(`/updates/${d.id}/submit`, editor, { version: approved.version });
    expect(resubmit.json().error.details.reason).toBe("not_submittable");
    expect(await snapshotOf()).toEqual(after);
  });

  it("lets only reviewers approve: editors get 403", async () => {
    const d = await draft();
    const pending = (await post(`/updates/${d.id}/submit`, editor, { version: 1 })).json();
    const res = await post(`/updates/${d.id}/approve`, editor, { version: pending.version });
    expect(res.statusCode).toBe(403);
  });

  it("needs evidence before submission", async () => {
    const d = await draft({ evidence: [] });
    const res = await post(`/updates/${d.id}/submit`, editor, { version: d.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/evidence/);
    const badEvidence = await post("/updates", editor, {
      subject: { type: "action", id: actionId },
      note: "x",
      evidence: [{}],
    });
    expect(badEvidence.statusCode).toBe(400);
  });

  it("returns an update with a reason, lets it be edited and resubmitted, and keeps the history", async () => {
    const d = await draft({ newStatus: "limited", note: "Guide drafted" });
    const pending = (await post(`/updates/${d.id}/submit`, editor, { version: 1 })).json();
    await post(`/updates/${d.id}/approve`, reviewerGb, { version: pending.version });
    const returned = await post(`/updates/${d.id}/return`, reviewerVn, {
      version: pending.version + 1,
      reason: "Cite the Vietnamese edition too",
    });
    expect(returned.json()).toMatchObject({
      state: "returned",
      returnReason: "Cite the Vietnamese edition too",
      approvals: [],
    });
    const edited = await app.inject({
      method: "PATCH",
      url: `${base}/updates/${d.id}`,
      headers: editor.headers,
      payload: {
        version: returned.json().version,
        evidence: [{ url: "https://moit.gov.vn/example" }, { citation: "MOIT press release, 3 March 2026" }],
      },
    });
    expect(edited.statusCode).toBe(200);
    const again = (await post(`/updates/${d.id}/submit`, editor, { version: edited.json().version })).json();
    expect(again).toMatchObject({ state: "pending", submissions: 2, signoff: { waitingFor: ["GB", "VN"] } });
    const detail = (await app.inject({ url: `${base}/updates/${d.id}`, headers: editor.headers })).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      "create",
      "submit",
      "approve",
      "return",
      "edit",
      "submit",
    ]);
    expect(detail.history[3].reason).toBe("Cite the Vietnamese edition too");
    expect(detail.author).toBe(editor.email);
  });

  it("refuses a status change on a commitment whose status rolls up from its actions", async () => {
    const res = await post("/updates", editor, {
      subject: { type: "commitment", id: fx.commitments.C1 },
      note: "Done",
      newStatus: "complete",
      evidence: [{ citation: "Joint statement" }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.reason).toBe("status_rolls_up");
  });

  it("applies an approved status to a commitment without actions and completes milestones with their evidence", async () => {
    const c2 = await post("/updates", editor, {
      subject: { type: "commitment", id: fx.commitments.C2 },
      note: "Dialogue held",
      newStatus: "substantial",
      evidence: [{ citation: "Joint press release" }],
      submit: true,
    });
    expect(c2.json().state).toBe("pending");
    await post(`/updates/${c2.json().id}/approve`, reviewerGb, { version: c2.json().version });
    await post(`/updates/${c2.json().id}/approve`, reviewerVn, { version: c2.json().version + 1 });
    expect((await app.inject(`${base}/commitments/C2`)).json()).toMatchObject({
      status: "substantial",
      statusSource: "updates",
    });

    const m = (
      await post(`/actions/${actionId}/milestones`, editor, { title: "Guide printed", dueDate: "2026-01-31" })
    ).json();
    const u = (
      await post("/updates", editor, {
        subject: { type: "milestone", id: m.id },
        note: "Printed",
        newStatus: "complete",
        evidence: [{ url: "https://example.org/guide.pdf" }],
        submit: true,
      })
    ).json();
    await post(`/updates/${u.id}/approve`, reviewerVn, { version: u.version });
    await post(`/updates/${u.id}/approve`, reviewerGb, { version: u.version + 1 });
    const milestone = (await app.inject(`${base}/actions/${actionId}`)).json().milestones[0];
    expect(milestone).toMatchObject({
      status: "complete",
      evidenceUrls: ["https://example.org/guide.pdf"],
      version: 2,
    });
    expect(milestone.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it("reads and signs off pending updates written by plan publishing (instrument notes, cited evidence)", async () => {
    const instrument = await t
      .db()
      .insertInto("instruments")
      .values({ partnership_id: fx.ref.id, name: "UK–Viet Nam Free Trade Agreement", kind: "free-trade agreement" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const row = await t
      .db()
      .insertInto("updates")
      .values({
        partnership_id: fx.ref.id,
        subject_type: "instrument",
        subject_id: instrument.id,
        note: "The agreement entered into force",
        evidence: JSON.stringify([{ citation: { sourceId: 1, start: 10, end: 40, quote: "entered into force" } }]),
        state: "pending",
      })
      .returning(["id", "version"])
      .executeTakeFirstOrThrow();
    const listed = (await app.inject({ url: `${base}/updates?state=pending`, headers: editor.headers })).json();
    const found = listed.updates.find((u: { id: number }) => u.id === row.id);
    expect(found).toMatchObject({
      subject: { type: "instrument", label: "UK–Viet Nam Free Trade Agreement" },
      evidence: [{ citation: '"entered into force" (source #1, characters 10–40)' }],
    });
    await post(`/updates/${row.id}/approve`, reviewerGb, { version: row.version });
    const done = await post(`/updates/${row.id}/approve`, reviewerVn, { version: row.version + 1 });
    expect(done.json().state).toBe("approved");
  });
});

forEachBackend("single-side sign-off", (t) => {
  it("publishes on one party's approval when the partnership allows it, and one person still signs once", async () => {
    const app = await createTestApp(t.db());
    const fx = await seedTrackingPartnership(t.db(), { parties: ["AU", "VN"], singleSideSignoff: true });
    const editor = await createTestUser(t.db(), { role: "editor", partnership: "au-vn" });
    const both = await createTestUser(t.db(), { role: "reviewer", partnership: "au-vn" });
    const base = "/api/partnerships/au-vn";
    const created = await app.inject({
      method: "POST",
      url: `${base}/updates`,
      headers: editor.headers,
      payload: {
        subject: { type: "commitment", id: fx.commitments.C3 },
        note: "Agreement signed",
        newStatus: "complete",
        evidence: [{ url: "https://www.dfat.gov.au/example" }],
        submit: true,
      },
    });
    expect(created.json().signoff).toMatchObject({ rule: "either-party", waitingFor: ["AU", "VN"] });
    const ambiguous = await app.inject({
      method: "POST",
      url: `${base}/updates/${created.json().id}/approve`,
      headers: both.headers,
      payload: { version: created.json().version },
    });
    expect(ambiguous.statusCode).toBe(422);
    const approved = await app.inject({
      method: "POST",
      url: `${base}/updates/${created.json().id}/approve`,
      headers: both.headers,
      payload: { version: created.json().version, party: "VN" },
    });
    expect(approved.json()).toMatchObject({ state: "approved", approvals: [{ party: "VN" }] });
    expect((await app.inject(`${base}/commitments/C3`)).json().status).toBe("complete");
  });
});
