// The report's weekly trend: active advocates (line) and answers published (bars) per ISO week. As a PNG for chat
// (ECharts draws SVG on the server, resvg turns it into pixels; chat apps show a PNG inline, an SVG they would only
// offer as a download), and as labelled SVG for the console.
import type { EChartsCoreOption } from "echarts";
import type { ChartEngine } from "./chartEngine";
import type { WeeklyRow } from "../../core/ports/views/reportView";
import { chartSvg, labelledChartSvg } from "./svgChart";

const SIZE = { width: 800, height: 400 };

export interface TrendLabels {
  active: string;
  answers: string;
}

function trendOption(weeks: readonly WeeklyRow[], labels: TrendLabels): EChartsCoreOption {
  return {
    legend: { data: [labels.active, labels.answers] },
    xAxis: { type: "category", data: weeks.map((row) => row.week) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: labels.active, type: "line", data: weeks.map((row) => row.activeAdvocates) },
      { name: labels.answers, type: "bar", data: weeks.map((row) => row.answers) },
    ],
  };
}

export function trendChartPng(engine: ChartEngine, weeks: readonly WeeklyRow[], labels: TrendLabels): Buffer {
  return new engine.Resvg(chartSvg(engine, trendOption(weeks, labels), SIZE), { font: { loadSystemFonts: true } }).render().asPng();
}

/** `summary` says in words what the chart shows, for those who do not see it. */
export function trendChartSvg(engine: ChartEngine, weeks: readonly WeeklyRow[], labels: TrendLabels, summary: string): string {
  return labelledChartSvg(engine, trendOption(weeks, labels), SIZE, summary);
}
