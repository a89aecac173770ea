// The report's weekly trend as a PNG: ECharts draws SVG on the server, resvg turns it into pixels. Chat apps show
// a PNG inline; an SVG they would only offer as a download.
import * as echarts from "echarts";
import { Resvg } from "@resvg/resvg-js";
import type { WeeklyRow } from "../../core/ports/views/reportView";

const WIDTH = 800;
const HEIGHT = 400;

export function trendChartPng(weeks: readonly WeeklyRow[], labels: { active: string; answers: string }): Buffer {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      legend: { data: [labels.active, labels.answers] },
      xAxis: { type: "category", data: weeks.map((row) => row.week) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: labels.active, type: "line", data: weeks.map((row) => row.activeAdvocates) },
        { name: labels.answers, type: "bar", data: weeks.map((row) => row.answers) },
      ],
    });
    return new Resvg(chart.renderToSVGString(), { font: { loadSystemFonts: true } }).render().asPng();
  } finally {
    chart.dispose();
  }
}
