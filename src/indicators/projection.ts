/**
 * Target arithmetic: required growth, trend projection and progress.
 * Pure functions; times are on the continuous year axis of periods.ts.
 */

export interface Point {
  t: number;
  value: number;
}

/** How many of the most recent observations the trend is fitted on. */
export const TREND_POINTS = 5;

/**
 * Compound annual growth rate that takes `from` to `to` in `years`.
 *
 * @example requiredCagr(100, 200, 5) // 0.1487 (2^(1/5) − 1)
 */
export function requiredCagr(from: number, to: number, years: number): number | null {
  if (from <= 0 || to <= 0 || years <= 0) return null;
  return (to / from) ** (1 / years) - 1;
}

export interface Trend {
  kind: "log-linear" | "linear";
  /** value(t) = exp(a + b·t) for log-linear, a + b·t for linear. */
  a: number;
  b: number;
  /** Annual growth rate of a log-linear trend (e^b − 1); null for linear. */
  annualGrowth: number | null;
  points: number;
}

/**
 * Least-squares fit on the last `n` points: log-linear (constant growth) when
 * every value is positive, otherwise — or when asked, as for a target of zero
 * such as net zero, which constant growth never reaches — linear. Needs at
 * least two points at distinct times.
 */
export function fitTrend(series: readonly Point[], n = TREND_POINTS, mode: "auto" | "linear" = "auto"): Trend | null {
  const recent = [...series].sort((x, y) => x.t - y.t).slice(-n);
  if (recent.length < 2) return null;
  const logLinear = mode === "auto" && recent.every((p) => p.value > 0);
  const ys = recent.map((p) => (logLinear ? Math.log(p.value) : p.value));
  const ts = recent.map((p) => p.t);
  const meanT = ts.reduce((s, t) => s + t, 0) / ts.length;
  const meanY = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxx = 0;
  let sxy = 0;
  ts.forEach((t, i) => {
    sxx += (t - meanT) ** 2;
    sxy += (t - meanT) * ((ys[i] ?? 0) - meanY);
  });
  if (sxx === 0) return null;
  const b = sxy / sxx;
  const a = meanY - b * meanT;
  return {
    kind: logLinear ? "log-linear" : "linear",
    a,
    b,
    annualGrowth: logLinear ? Math.exp(b) - 1 : null,
    points: recent.length,
  };
}

export function trendValue(trend: Trend, t: number): number {
  return trend.kind === "log-linear" ? Math.exp(trend.a + trend.b * t) : trend.a + trend.b * t;
}

/** When the trend first reaches `target` (a time on the year axis), or null if it never does. */
export function trendReaches(trend: Trend, target: number, fromT: number): number | null {
  if (trend.b === 0) return null;
  let t: number;
  if (trend.kind === "log-linear") {
    if (target <= 0) return null;
    t = (Math.log(target) - trend.a) / trend.b;
  } else {
    t = (target - trend.a) / trend.b;
  }
  return t >= fromT ? t : null;
}

export type TargetStatus = "achieved" | "on_track" | "at_risk" | "off_track" | "unknown";

/** Below this share of the required change by the deadline, a target is off track. */
export const AT_RISK_SHARE = 0.8;

/**
 * Progress and outlook of a target.
 *
 * - progress = (latest − baseline) / (target − baseline): 0 at the baseline,
 *   1 when reached; works for rising and falling targets alike.
 * - status: achieved when progress ≥ 1; otherwise the trend's value at the
 *   deadline is compared with the target: on track when it covers the whole
 *   required change, at risk when it covers at least 80 % of it, off track
 *   below that; unknown without a baseline, a deadline or two observations.
 */
export function assessTarget(input: {
  baseline: Point | null;
  target: number | null;
  deadlineT: number | null;
  series: readonly Point[];
}) {
  const { baseline, target, deadlineT, series } = input;
  const sorted = [...series].sort((x, y) => x.t - y.t);
  const latest = sorted.at(-1) ?? null;
  const trend = fitTrend(sorted, TREND_POINTS, target !== null && target <= 0 ? "linear" : "auto");
  const none = {
    latest,
    progress: null,
    requiredCagr: null,
    trend,
    projectedAtDeadline: null,
    reachesAt: null,
    status: "unknown" as TargetStatus,
  };
  if (!baseline || target === null || !latest) return none;
  const span = target - baseline.value;
  const progress = span === 0 ? 1 : (latest.value - baseline.value) / span;
  const cagr = deadlineT === null ? null : requiredCagr(baseline.value, target, deadlineT - baseline.t);
  const projectedAtDeadline = trend && deadlineT !== null ? trendValue(trend, deadlineT) : null;
  const reachesAt = trend ? trendReaches(trend, target, latest.t) : null;
  let status: TargetStatus = "unknown";
  if (progress >= 1) status = "achieved";
  else if (projectedAtDeadline !== null && span !== 0) {
    const share = (projectedAtDeadline - baseline.value) / span;
    status = share >= 1 ? "on_track" : share >= AT_RISK_SHARE ? "at_risk" : "off_track";
  }
  return { latest, progress, requiredCagr: cagr, trend, projectedAtDeadline, reachesAt, status };
}
