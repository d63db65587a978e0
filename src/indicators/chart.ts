import * as echarts from "echarts";
import { deadlineT, isProblem, parsePeriod } from "./periods.ts";
import { fitTrend, trendValue } from "./projection.ts";
import type { TargetDetail } from "./service.ts";

type Option = echarts.EChartsOption;

/**
 * The one chart definition of a target: the indicator series, the baseline,
 * the target line and the trend projection to the deadline. The same options
 * render as SVG on the server (reports, `chart.svg`) and in the portal.
 */
export function targetChartOptions(detail: TargetDetail): Option {
  const { view, series } = detail;
  const points = series.flatMap((o) => {
    const p = parsePeriod(o.period);
    return isProblem(p) ? [] : [[round(p.t), o.value] as [number, number]];
  });
  const end = view.deadline ? deadlineT(view.deadline) : null;
  const trend = fitTrend(points.map(([t, value]) => ({ t, value })));
  const last = points.at(-1);
  const projection =
    trend && last && end !== null && end > last[0]
      ? Array.from({ length: 11 }, (_, i) => {
          const t = last[0] + ((end - last[0]) * i) / 10;
          return [round(t), round(trendValue(trend, t))];
        })
      : [];
  const unit = view.unit ?? series[0]?.unit ?? "";
  const seriesList: NonNullable<Option["series"]> = [
    {
      name: detail.indicatorName ?? "Observed",
      type: "line",
      data: points,
      symbolSize: 6,
      markPoint: view.baseline
        ? {
            data: [
              {
                name: "Baseline",
                coord: points.find(([, v]) => v === view.baseline?.value) ?? points[0] ?? [0, 0],
                value: `Baseline ${view.baseline.period}`,
              },
            ],
          }
        : undefined,
    },
    { name: "Projection", type: "line", data: projection, lineStyle: { type: "dashed" }, showSymbol: false },
  ];
  if (view.targetValue !== null) {
    const from = points[0]?.[0] ?? end ?? 0;
    seriesList.push({
      name: "Target",
      type: "line",
      data: [
        [from, view.targetValue],
        [end ?? from + 1, view.targetValue],
      ],
      lineStyle: { type: "dotted", width: 2 },
      showSymbol: false,
    });
  }
  return {
    animation: false,
    title: { text: view.text, left: "center", textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 60, right: 30, top: 50, bottom: 50 },
    tooltip: { trigger: "axis" },
    xAxis: {
      type: "value",
      min: "dataMin",
      max: "dataMax",
      axisLabel: { formatter: (v: number) => String(Math.floor(v)) },
    },
    yAxis: { type: "value", name: unit, scale: true },
    series: seriesList,
  };
}

/** Renders chart options to an SVG string with ECharts' server-side renderer. */
export function renderChartSvg(option: Option, width = 720, height = 400): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
