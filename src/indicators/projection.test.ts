import { describe, expect, it } from "vitest";
import { deadlineT, parsePeriod } from "./periods.ts";
import { assessTarget, fitTrend, requiredCagr, trendReaches, trendValue } from "./projection.ts";

// Exact 10 % growth a year from 100 in 2020: 100, 110, 121, 133.1, 146.41.
const growing = [0, 1, 2, 3, 4].map((i) => ({ t: 2020.5 + i, value: 100 * 1.1 ** i }));

describe("target arithmetic", () => {
  it("computes the compound annual growth needed to double in five years", () => {
    // 2^(1/5) − 1 = 0.148698…
    expect(requiredCagr(100, 200, 5)).toBeCloseTo(0.148698, 6);
    expect(requiredCagr(0, 200, 5)).toBeNull();
  });

  it("fits a log-linear trend that recovers a constant growth rate", () => {
    const trend = fitTrend(growing);
    expect(trend?.kind).toBe("log-linear");
    expect(trend?.annualGrowth).toBeCloseTo(0.1, 10);
    // 100 × 1.1^10 = 259.374… at mid-2030
    expect(trend && trendValue(trend, 2030.5)).toBeCloseTo(259.374246, 5);
    // 100 × 1.1^n = 200 → n = ln 2 / ln 1.1 = 7.2725 years after mid-2020
    expect(trend && trendReaches(trend, 200, 2024.5)).toBeCloseTo(2027.7725, 4);
  });

  it("uses only the last five points for the trend", () => {
    const series = [{ t: 2010.5, value: 1 }, ...growing];
    expect(fitTrend(series)?.annualGrowth).toBeCloseTo(0.1, 10);
  });

  const falling = [
    { t: 2020.5, value: 100 },
    { t: 2021.5, value: 90 },
    { t: 2022.5, value: 80 },
  ];

  it("fits a linear trend when a value is not positive or when asked", () => {
    expect(fitTrend([...falling, { t: 2023.5, value: -5 }])?.kind).toBe("linear");
    const trend = fitTrend(falling, 5, "linear");
    expect(trend?.kind).toBe("linear");
    // 100 − 10 a year reaches 0 ten years after mid-2020
    expect(trend && trendReaches(trend, 0, 2022.5)).toBeCloseTo(2030.5, 10);
  });

  it("projects a net-zero target linearly", () => {
    const a = assessTarget({ baseline: falling[0] ?? null, target: 0, deadlineT: 2050.5, series: falling });
    expect(a.trend?.kind).toBe("linear");
    // (80 − 100) / (0 − 100)
    expect(a.progress).toBeCloseTo(0.2, 10);
    expect(a.reachesAt).toBeCloseTo(2030.5, 10);
    expect(a.status).toBe("on_track");
  });

  it("reports progress and on-track status for a relative target", () => {
    const a = assessTarget({ baseline: growing[0] ?? null, target: 200, deadlineT: 2030.5, series: growing });
    // (146.41 − 100) / (200 − 100)
    expect(a.progress).toBeCloseTo(0.4641, 4);
    expect(a.requiredCagr).toBeCloseTo(2 ** 0.1 - 1, 10);
    expect(a.status).toBe("on_track");
  });

  it("marks slow growth at risk or off track by the share of the required change", () => {
    const slow = [0, 1, 2, 3, 4].map((i) => ({ t: 2020.5 + i, value: 100 * 1.06 ** i }));
    // 1.06^10 = 1.7908: 79 % of the required +100 → below 80 %: off track
    expect(assessTarget({ baseline: slow[0] ?? null, target: 200, deadlineT: 2030.5, series: slow }).status).toBe(
      "off_track",
    );
    const nearly = [0, 1, 2, 3, 4].map((i) => ({ t: 2020.5 + i, value: 100 * 1.065 ** i }));
    // 1.065^10 = 1.8771: 88 % → at risk
    expect(assessTarget({ baseline: nearly[0] ?? null, target: 200, deadlineT: 2030.5, series: nearly }).status).toBe(
      "at_risk",
    );
  });

  it("is unknown without a baseline or with a single observation", () => {
    expect(assessTarget({ baseline: null, target: 200, deadlineT: 2030.5, series: growing }).status).toBe("unknown");
    const one = growing.slice(0, 1);
    expect(assessTarget({ baseline: one[0] ?? null, target: 200, deadlineT: 2030.5, series: one }).status).toBe(
      "unknown",
    );
  });
});

describe("periods", () => {
  it("parses years, quarters and months onto one time axis", () => {
    expect(parsePeriod("2024")).toEqual({ label: "2024", start: "2024-01-01", t: 2024.5 });
    expect(parsePeriod("2024q3")).toEqual({ label: "2024-Q3", start: "2024-07-01", t: 2024 + 7.5 / 12 });
    expect(parsePeriod("2024-02")).toEqual({ label: "2024-02", start: "2024-02-01", t: 2024 + 1.5 / 12 });
    expect(deadlineT("2030")).toBe(2030.5);
  });

  it("rejects malformed periods and years out of range", () => {
    expect(parsePeriod("2024-13")).toHaveProperty("message");
    expect(parsePeriod("1850")).toHaveProperty("message");
    expect(parsePeriod("soon")).toHaveProperty("message");
  });
});
