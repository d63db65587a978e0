import { describe, expect, it } from "vitest";
import { protectCell } from "./actions-csv.ts";
import { daysBetween, endOfPartialDate, isOverdue, rollUpStatus } from "./status.ts";

describe("commitment status roll-up", () => {
  it("keeps the commitment's own status when it has no actions", () => {
    expect(rollUpStatus([])).toBeNull();
  });

  it("is withdrawn only when every action is withdrawn", () => {
    expect(rollUpStatus(["withdrawn", "withdrawn"])).toBe("withdrawn");
    expect(rollUpStatus(["withdrawn", "complete"])).toBe("complete");
  });

  it("is complete or not started only when every remaining action is", () => {
    expect(rollUpStatus(["complete", "complete", "withdrawn"])).toBe("complete");
    expect(rollUpStatus(["not_started", "not_started"])).toBe("not_started");
  });

  it("is substantial when at least half the remaining actions are substantial or complete, else limited", () => {
    expect(rollUpStatus(["complete", "not_started"])).toBe("substantial");
    expect(rollUpStatus(["substantial", "limited", "not_started"])).toBe("limited");
    expect(rollUpStatus(["limited", "not_started"])).toBe("limited");
    expect(rollUpStatus(["complete", "substantial", "limited", "withdrawn"])).toBe("substantial");
  });
});

describe("overdue flag", () => {
  it("counts a partial deadline to the end of its year or month", () => {
    expect(endOfPartialDate("2030")).toBe("2030-12-31");
    expect(endOfPartialDate("2024-02")).toBe("2024-02-29");
    expect(isOverdue("2030", "limited", "2030-12-31")).toBe(false);
    expect(isOverdue("2030", "limited", "2031-01-01")).toBe(true);
  });

  it("never flags complete, withdrawn or undated work", () => {
    expect(isOverdue("2020-01-01", "complete", "2026-01-01")).toBe(false);
    expect(isOverdue("2020-01-01", "withdrawn", "2026-01-01")).toBe(false);
    expect(isOverdue(null, "not_started", "2026-01-01")).toBe(false);
    expect(daysBetween("2025-12-30", "2026-01-01")).toBe(2);
  });
});

describe("spreadsheet formula guard", () => {
  it("prefixes cells starting with = + - @ with a single quote", () => {
    for (const cell of ["=SUM(A1)", "+1", "-2", "@cmd", "\tx"]) expect(protectCell(cell)).toBe(`'${cell}`);
    expect(protectCell("Ministry of Industry and Trade")).toBe("Ministry of Industry and Trade");
  });
});
