import type { Actor } from "../audit/actor.ts";
import type { Principal } from "../auth/roles.ts";
import type { Db } from "../core/db/create-db.ts";
import type { PartnershipRef } from "../http/access.ts";
import { createMechanism, createMeeting } from "../mechanisms/service.ts";
import type { MechanismKind } from "../mechanisms/schema.ts";
import type { Evidence } from "../tracking/schema.ts";
import { createAction, createMilestone } from "../tracking/service.ts";
import type { Status } from "../tracking/status.ts";
import { approveUpdate, createUpdate, returnUpdate } from "../tracking/updates-service.ts";

/**
 * Demo implementation tracking for the three demo partnerships: actions with
 * the real agencies that lead such work on each side, milestones, and
 * updates in every state (approved by both sides, pending, returned), plus
 * the dialogues and committees that review them.
 *
 * The progress notes, dates and meeting records are illustrative, written
 * for the demonstration in Entente's own words; they make no figure claims.
 * Evidence links point at the public pages the subject is documented on.
 */

interface DemoUpdate {
  /** Which subject: the action itself or one of its milestones (by index). */
  milestone?: number;
  note: string;
  status: Status | null;
  evidence: Evidence[];
  /** approved: both sides signed; pending: `approvedBy` signed so far; returned: with `reason`. */
  state: "approved" | "pending" | "returned";
  approvedBy?: "a" | "b";
  reason?: string;
  /** When it was submitted (and, for approved and returned, decided). */
  on: string;
}

interface DemoAction {
  commitment: string;
  title: string;
  description?: string;
  /** Lead agency of the partnership's first party (a) and second party (b). */
  leadA: string;
  leadB: string;
  supporting?: string[];
  start: string;
  due: string;
  milestones: { title: string; due: string }[];
  updates: DemoUpdate[];
}

interface DemoMechanism {
  name: string;
  kind: MechanismKind;
  description: string;
  meetings: { heldOn: string; place: string; participants: string[]; notes: string; actions: number[] }[];
}

interface DemoTracking {
  slug: string;
  actions: DemoAction[];
  mechanisms: DemoMechanism[];
}

const GOV_UK_UKVFTA = "https://www.gov.uk/government/collections/uk-vietnam-free-trade-agreement";
const JETP_DECLARATION = "https://ec.europa.eu/commission/presscorner/detail/en/statement_22_7724";
const DFAT_EEES = "https://www.dfat.gov.au/geo/vietnam/australia-vietnam-enhanced-economic-engagement-strategy";
const AU_VN_CSP = "https://www.pm.gov.au/media/joint-statement-elevation-relations-comprehensive-strategic-partnership";
const EU_VN_TRADE =
  "https://policy.trade.ec.europa.eu/eu-trade-relationships-country-and-region/countries-and-regions/vietnam_en";

const MEETING_NOTE = "Illustrative meeting record for the demonstration.";

export const DEMO_TRACKING: readonly DemoTracking[] = [
  {
    slug: "gb-vn",
    actions: [
      {
        commitment: "C4",
        title: "Run sessions for exporters on using the free trade agreement's tariff preferences",
        description: "Practical sessions in both countries on rules of origin and preference claims.",
        leadA: "Department for Business and Trade",
        leadB: "Ministry of Industry and Trade",
        supporting: ["British Embassy Hanoi", "Viet Nam Chamber of Commerce and Industry"],
        start: "2025-11-01",
        due: "2026-12-31",
        milestones: [
          { title: "Rules-of-origin guidance for exporters available online", due: "2026-03-31" },
          { title: "Sessions held in Ha Noi and Ho Chi Minh City", due: "2026-09-30" },
        ],
        updates: [
          {
            milestone: 0,
            note: "Exporter guidance on the agreement, including rules of origin, is published and kept current on GOV.UK.",
            status: "complete",
            evidence: [{ url: GOV_UK_UKVFTA }],
            state: "approved",
            on: "2026-03-20",
          },
          {
            note: "Guidance is live and the first session has taken place; the second city is still to come.",
            status: "limited",
            evidence: [{ url: GOV_UK_UKVFTA }, { citation: "Secretariat progress report (demonstration), Q2 2026" }],
            state: "approved",
            on: "2026-06-10",
          },
          {
            note: "Both sessions are now held; evaluation of participant feedback remains.",
            status: "substantial",
            evidence: [{ citation: "Secretariat progress report (demonstration), Q3 2026" }],
            state: "pending",
            approvedBy: "a",
            on: "2026-10-14",
          },
        ],
      },
      {
        commitment: "C1",
        title: "Hold the annual strategic dialogue between the foreign ministries",
        leadA: "Foreign, Commonwealth and Development Office",
        leadB: "Ministry of Foreign Affairs",
        start: "2026-01-01",
        due: "2026-12-31",
        milestones: [{ title: "Dates and agenda agreed for this year's dialogue", due: "2026-09-30" }],
        updates: [
          {
            milestone: 0,
            note: "Dates and a draft agenda have been exchanged through the embassies.",
            status: "substantial",
            evidence: [{ citation: "Exchange of diplomatic notes (demonstration), September 2026" }],
            state: "approved",
            on: "2026-09-25",
          },
        ],
      },
      {
        commitment: "C7",
        title: "Build a pipeline of energy-transition projects under the Resource Mobilisation Plan",
        description: "Match grant, concessional and private finance to priority grid and renewable projects.",
        leadA: "Department for Energy Security and Net Zero",
        leadB: "Ministry of Agriculture and Environment (JETP Secretariat)",
        supporting: ["Foreign, Commonwealth and Development Office", "Ministry of Industry and Trade"],
        start: "2023-01-01",
        due: "2027-12-31",
        milestones: [
          { title: "Resource Mobilisation Plan launched", due: "2023-12-31" },
          { title: "First list of priority projects shared with partners", due: "2026-06-30" },
        ],
        updates: [
          {
            milestone: 0,
            note: "Viet Nam launched the Resource Mobilisation Plan for the partnership at COP28 in December 2023.",
            status: "complete",
            evidence: [{ url: JETP_DECLARATION }, { citation: "JETP Resource Mobilisation Plan, December 2023" }],
            state: "approved",
            on: "2024-01-15",
          },
          {
            note: "The plan is in place; project preparation is under way but no project list has been shared yet.",
            status: "limited",
            evidence: [{ citation: "Secretariat progress report (demonstration), Q1 2026" }],
            state: "approved",
            on: "2026-03-05",
          },
        ],
      },
      {
        commitment: "C9",
        title: "Open a joint call for transnational degree partnerships between universities",
        leadA: "British Council",
        leadB: "Ministry of Education and Training",
        supporting: ["Universities UK International"],
        start: "2026-01-15",
        due: "2027-06-30",
        milestones: [
          { title: "Call for partnership proposals opened", due: "2026-06-30" },
          { title: "First partnerships selected", due: "2027-03-31" },
        ],
        updates: [
          {
            note: "Call text drafted; opening depends on agreeing the co-funding shares.",
            status: "limited",
            evidence: [{ citation: "Working-group minutes (demonstration), May 2026" }],
            state: "pending",
            on: "2026-05-28",
          },
        ],
      },
      {
        commitment: "C3",
        title: "Share information on people-smuggling routes between law-enforcement agencies",
        leadA: "Home Office",
        leadB: "Ministry of Public Security",
        supporting: ["National Crime Agency"],
        start: "2025-11-01",
        due: "2027-06-30",
        milestones: [{ title: "Liaison arrangement between the agencies renewed", due: "2026-05-31" }],
        updates: [
          {
            note: "The liaison arrangement has been renewed and regular exchanges have resumed.",
            status: "substantial",
            evidence: [{ citation: "Press report (demonstration), June 2026" }],
            state: "returned",
            reason: "Cite the signed arrangement or an official statement, not a press report.",
            on: "2026-06-18",
          },
        ],
      },
      {
        commitment: "C11",
        title: "Strengthen surveillance of antimicrobial resistance in hospitals and farms",
        leadA: "Department of Health and Social Care (Fleming Fund)",
        leadB: "Ministry of Health",
        supporting: ["Ministry of Agriculture and Environment"],
        start: "2026-01-01",
        due: "2027-03-31",
        milestones: [{ title: "Sentinel laboratories agreed", due: "2026-12-31" }],
        updates: [],
      },
    ],
    mechanisms: [
      {
        name: "UK–Viet Nam Strategic Dialogue",
        kind: "dialogue",
        description: "Annual dialogue of the foreign ministries reviewing the whole partnership.",
        meetings: [
          {
            heldOn: "2026-02-24",
            place: "London",
            participants: ["Foreign, Commonwealth and Development Office", "Ministry of Foreign Affairs"],
            notes: MEETING_NOTE,
            actions: [1, 4],
          },
        ],
      },
      {
        name: "UK–Viet Nam Joint Economic and Trade Committee (JETCO)",
        kind: "committee",
        description: "Ministerial committee on trade and investment under the free trade agreement.",
        meetings: [
          {
            heldOn: "2026-07-08",
            place: "Ha Noi",
            participants: ["Department for Business and Trade", "Ministry of Industry and Trade"],
            notes: MEETING_NOTE,
            actions: [0, 2],
          },
        ],
      },
    ],
  },
  {
    slug: "au-vn",
    actions: [
      {
        commitment: "C3",
        title: "Deliver the Enhanced Economic Engagement Strategy's priority actions",
        leadA: "Department of Foreign Affairs and Trade",
        leadB: "Ministry of Industry and Trade",
        supporting: ["Austrade", "Ministry of Finance"],
        start: "2024-03-07",
        due: "2027-12-31",
        milestones: [{ title: "Annual review of the strategy's implementation", due: "2026-11-30" }],
        updates: [
          {
            note: "Ministers reaffirmed the strategy when the partnership was raised; implementation continues.",
            status: "limited",
            evidence: [{ url: DFAT_EEES }, { url: AU_VN_CSP }],
            state: "approved",
            on: "2024-04-10",
          },
          {
            note: "Most priority actions for this year are under way; the annual review is being prepared.",
            status: "substantial",
            evidence: [{ url: DFAT_EEES }, { citation: "Secretariat progress report (demonstration), Q3 2026" }],
            state: "approved",
            on: "2026-10-01",
          },
        ],
      },
      {
        commitment: "C6",
        title: "Trial salt-tolerant farming systems with Mekong Delta farmers",
        leadA: "Australian Centre for International Agricultural Research",
        leadB: "Ministry of Agriculture and Environment",
        supporting: ["Can Tho University"],
        start: "2025-01-01",
        due: "2027-12-31",
        milestones: [
          { title: "Trial sites selected with provincial authorities", due: "2025-12-31" },
          { title: "First-season results reported", due: "2026-08-31" },
        ],
        updates: [
          {
            milestone: 0,
            note: "Trial sites chosen together with the provinces concerned.",
            status: "complete",
            evidence: [{ citation: "Project steering-committee minutes (demonstration), November 2025" }],
            state: "approved",
            on: "2025-12-12",
          },
          {
            note: "Sites are running; first-season data are being analysed.",
            status: "limited",
            evidence: [{ citation: "Project steering-committee minutes (demonstration), August 2026" }],
            state: "pending",
            approvedBy: "b",
            on: "2026-09-02",
          },
        ],
      },
      {
        commitment: "C7",
        title: "Support Viet Nam's engineering and medical units for UN peacekeeping",
        leadA: "Department of Defence",
        leadB: "Ministry of National Defence (Viet Nam Department of Peacekeeping Operations)",
        start: "2024-03-07",
        due: "2027-12-31",
        milestones: [{ title: "Pre-deployment training course delivered", due: "2026-04-30" }],
        updates: [
          {
            milestone: 0,
            note: "The training course was delivered for the next rotation.",
            status: "complete",
            evidence: [{ citation: "Defence cooperation report (demonstration), May 2026" }],
            state: "approved",
            on: "2026-05-15",
          },
          {
            note: "Training support continues for each rotation.",
            status: "substantial",
            evidence: [{ citation: "Defence cooperation report (demonstration), May 2026" }],
            state: "approved",
            on: "2026-05-15",
          },
        ],
      },
      {
        commitment: "C9",
        title: "Design the next phase of the Aus4Innovation programme",
        leadA: "Department of Foreign Affairs and Trade",
        leadB: "Ministry of Science and Technology",
        supporting: ["CSIRO"],
        start: "2025-07-01",
        due: "2027-06-30",
        milestones: [{ title: "Next-phase design agreed by both ministries", due: "2026-06-30" }],
        updates: [
          {
            note: "Design consultations with Vietnamese agencies are complete; the design document awaits sign-off.",
            status: "limited",
            evidence: [{ citation: "Programme design note (demonstration), June 2026" }],
            state: "pending",
            on: "2026-06-29",
          },
        ],
      },
      {
        commitment: "C4",
        title: "Study joint opportunities in critical-minerals processing",
        leadA: "Department of Industry, Science and Resources",
        leadB: "Ministry of Agriculture and Environment",
        start: "2026-01-01",
        due: "2027-06-30",
        milestones: [{ title: "Terms of reference for the joint study agreed", due: "2026-09-30" }],
        updates: [],
      },
    ],
    mechanisms: [
      {
        name: "Australia–Viet Nam Foreign Ministers' Meeting",
        kind: "dialogue",
        description: "Yearly meeting of the foreign ministers reviewing the Plan of Action.",
        meetings: [
          {
            heldOn: "2026-03-12",
            place: "Canberra",
            participants: ["Department of Foreign Affairs and Trade", "Ministry of Foreign Affairs"],
            notes: MEETING_NOTE,
            actions: [0, 2, 3],
          },
        ],
      },
      {
        name: "Australia–Viet Nam Economic Partnership Meeting",
        kind: "committee",
        description: "Ministers for trade and economy reviewing the economic engagement strategy.",
        meetings: [
          {
            heldOn: "2026-08-20",
            place: "Ha Noi",
            participants: ["Department of Foreign Affairs and Trade", "Ministry of Industry and Trade"],
            notes: MEETING_NOTE,
            actions: [0, 4],
          },
        ],
      },
    ],
  },
  {
    slug: "fr-vn",
    actions: [
      {
        commitment: "C9",
        title: "Widen scholarships and outreach for Vietnamese students choosing France",
        leadA: "Campus France",
        leadB: "Ministry of Education and Training",
        supporting: ["Embassy of France in Viet Nam"],
        start: "2024-10-07",
        due: "2027-12-31",
        milestones: [{ title: "Scholarship round announced for the next academic year", due: "2026-03-31" }],
        updates: [
          {
            milestone: 0,
            note: "The scholarship round was announced on schedule.",
            status: "complete",
            evidence: [{ url: "https://www.campusfrance.org/" }],
            state: "approved",
            on: "2026-03-10",
          },
          {
            note: "Outreach fairs held in three cities; scholarships awarded for this year.",
            status: "substantial",
            evidence: [{ citation: "Embassy cooperation report (demonstration), July 2026" }],
            state: "approved",
            on: "2026-07-20",
          },
        ],
      },
      {
        commitment: "C10",
        title: "Support the joint programmes of the University of Science and Technology of Hanoi",
        leadA: "Ministry of Higher Education and Research",
        leadB: "Viet Nam Academy of Science and Technology",
        supporting: ["Consortium of French universities for USTH"],
        start: "2024-10-07",
        due: "2028-12-31",
        milestones: [{ title: "Renewed intergovernmental agreement on the university", due: "2027-06-30" }],
        updates: [
          {
            note: "Negotiation of the renewed agreement has started.",
            status: "limited",
            evidence: [{ url: "https://usth.edu.vn/" }],
            state: "pending",
            approvedBy: "a",
            on: "2026-10-05",
          },
        ],
      },
      {
        commitment: "C7",
        title: "Joint vaccine research and production with the Pasteur institutes",
        leadA: "Institut Pasteur",
        leadB: "Ministry of Health",
        start: "2025-01-01",
        due: "2028-12-31",
        milestones: [{ title: "Joint research programme agreed", due: "2026-10-31" }],
        updates: [
          {
            note: "Research priorities have been agreed in principle.",
            status: "limited",
            evidence: [{ citation: "Steering-committee minutes (demonstration), April 2026" }],
            state: "approved",
            on: "2026-04-22",
          },
        ],
      },
      {
        commitment: "C5",
        title: "Channel concessional loans to energy-transition projects",
        leadA: "Agence française de développement",
        leadB: "Ministry of Finance",
        supporting: ["Ministry of Industry and Trade"],
        start: "2024-10-07",
        due: "2027-12-31",
        milestones: [{ title: "First loan agreement signed", due: "2026-12-31" }],
        updates: [
          {
            note: "A first grid project has been appraised; loan negotiations are under way.",
            status: "limited",
            evidence: [{ url: JETP_DECLARATION }, { citation: "AFD project note (demonstration), September 2026" }],
            state: "pending",
            on: "2026-09-30",
          },
        ],
      },
      {
        commitment: "C3",
        title: "Hold seminars for firms on using the EU free trade agreement",
        leadA: "Business France",
        leadB: "Ministry of Industry and Trade",
        start: "2025-01-01",
        due: "2026-06-30",
        milestones: [{ title: "Seminar series completed", due: "2026-06-30" }],
        updates: [
          {
            note: "Two of the planned seminars were held.",
            status: "limited",
            evidence: [{ url: EU_VN_TRADE }],
            state: "approved",
            on: "2026-02-16",
          },
        ],
      },
    ],
    mechanisms: [
      {
        name: "France–Viet Nam Strategic Defence Dialogue",
        kind: "dialogue",
        description: "Dialogue of the defence ministries, including officer training.",
        meetings: [
          {
            heldOn: "2026-05-06",
            place: "Paris",
            participants: ["Ministry of the Armed Forces", "Ministry of National Defence"],
            notes: MEETING_NOTE,
            actions: [],
          },
        ],
      },
      {
        name: "France–Viet Nam Joint Committee on Economic Cooperation",
        kind: "committee",
        description: "Reviews trade, investment, energy and education cooperation.",
        meetings: [
          {
            heldOn: "2026-06-25",
            place: "Ha Noi",
            participants: ["Ministry for Europe and Foreign Affairs", "Ministry of Industry and Trade"],
            notes: MEETING_NOTE,
            actions: [0, 3, 4],
          },
        ],
      },
    ],
  },
];

/** Sign-in-less reviewer accounts that stand for each side's demo sign-offs. */
async function demoReviewer(db: Db, ref: PartnershipRef, party: string): Promise<Principal> {
  const email = `demo.reviewer.${party.toLowerCase()}.${ref.slug}@entente.invalid`;
  // Disabled, with a hash no password matches: these accounts cannot sign in.
  const user = await db
    .insertInto("users")
    .values({ email, name: `Demo reviewer (${party})`, password_hash: "!demo-no-login", disabled: true })
    .returning(["id", "email", "name"])
    .executeTakeFirstOrThrow();
  await db.insertInto("roles").values({ user_id: user.id, partnership_id: ref.id, party, role: "reviewer" }).execute();
  return {
    user: { id: user.id, email: user.email, name: user.name, isAdmin: false },
    grants: [{ role: "reviewer", partnershipId: ref.id, party }],
  };
}

/** Sets the reported dates of a seeded update to when it happened, not when the demo loaded. */
async function backdate(db: Db, updateId: number, on: string, decided: boolean): Promise<void> {
  const at = new Date(`${on}T09:00:00Z`);
  await db
    .updateTable("updates")
    .set({ created_at: at, updated_at: at, submitted_at: at, decided_at: decided ? at : null })
    .where("id", "=", updateId)
    .execute();
  await db.updateTable("update_approvals").set({ approved_at: at }).where("update_id", "=", updateId).execute();
}

/**
 * The demo step: loads the tracking data above through the same service
 * functions the API uses, so roll-ups, versions and audit entries are real.
 */
export async function loadTrackingDemo(db: Db, actor: Actor): Promise<void> {
  for (const demo of DEMO_TRACKING) {
    const row = await db
      .selectFrom("partnerships")
      .select(["id", "slug", "party_a", "party_b"])
      .where("slug", "=", demo.slug)
      .executeTakeFirst();
    if (!row) continue;
    const ref: PartnershipRef = { id: row.id, slug: row.slug, partyA: row.party_a, partyB: row.party_b };
    const reviewers = { a: await demoReviewer(db, ref, ref.partyA), b: await demoReviewer(db, ref, ref.partyB) };
    const actorOf = (p: Principal): Actor => ({ userId: p.user?.id ?? null, label: p.user?.email ?? "demo" });
    const actionIds: number[] = [];
    for (const a of demo.actions) {
      const action = await createAction(db, actor, ref, a.commitment, {
        title: a.title,
        description: a.description ?? null,
        leadAgencies: [
          { party: ref.partyA, agency: a.leadA },
          { party: ref.partyB, agency: a.leadB },
        ],
        supportingAgencies: a.supporting ?? [],
        startDate: a.start,
        dueDate: a.due,
      });
      actionIds.push(action.id);
      const milestoneIds: number[] = [];
      for (const m of a.milestones) {
        milestoneIds.push((await createMilestone(db, actor, ref, action.id, { title: m.title, dueDate: m.due })).id);
      }
      for (const u of a.updates) {
        const subjectId = u.milestone === undefined ? action.id : milestoneIds[u.milestone];
        if (subjectId === undefined) throw new Error(`demo ${demo.slug}: no milestone ${u.milestone} on "${a.title}"`);
        let update = await createUpdate(db, actor, ref, {
          subject: { type: u.milestone === undefined ? "action" : "milestone", id: subjectId },
          note: u.note,
          newStatus: u.status,
          evidence: u.evidence,
          submit: true,
        });
        // With single-side sign-off one approval publishes, so a pending update gets none.
        const eachParty = update.signoff.rule === "each-party";
        const signers =
          u.state === "approved" ? (["a", "b"] as const) : u.approvedBy && eachParty ? [u.approvedBy] : [];
        for (const side of signers) {
          if (update.state === "approved") break;
          const principal = reviewers[side];
          update = await approveUpdate(db, actorOf(principal), principal, ref, update.id, { version: update.version });
        }
        if (u.state === "returned") {
          const principal = reviewers.b;
          update = await returnUpdate(db, actorOf(principal), principal, ref, update.id, {
            version: update.version,
            reason: u.reason ?? "Please add evidence.",
          });
        }
        await backdate(db, update.id, u.on, u.state !== "pending");
      }
    }
    for (const m of demo.mechanisms) {
      const mechanism = await createMechanism(db, actor, ref, {
        name: m.name,
        kind: m.kind,
        description: m.description,
      });
      for (const meeting of m.meetings) {
        await createMeeting(db, actor, ref, mechanism.id, {
          heldOn: meeting.heldOn,
          place: meeting.place,
          participants: meeting.participants,
          notes: meeting.notes,
          actionIds: meeting.actions.flatMap((i) => (actionIds[i] === undefined ? [] : [actionIds[i]])),
        });
      }
    }
  }
}
