// The report's departments side by side: each one's participation (percent of its people active), as labelled SVG.
// Only departments with figures: one under the minimum group size has none to draw.
import type { DepartmentRow } from "../../core/ports/views/reportView";
import { labelledChartSvg } from "./svgChart";
import type { ChartEngine } from "./chartEngine";

const WIDTH = 800;
/** Room for the axis and the legend, then a bar per department. */
const FRAME_HEIGHT = 90;
const BAR_HEIGHT = 32;

export type DepartmentFigures = Extract<DepartmentRow, { tooSmall: false }>;

export function departmentChartSvg(engine: ChartEngine, rows: readonly DepartmentFigures[], label: string, summary: string): string {
  // Top to bottom in the table's order: ECharts draws a category axis from the bottom up.
  const bottomUp = [...rows].reverse();
  const option = {
    grid: { left: 8, right: 32, top: 40, bottom: 24, containLabel: true },
    legend: { data: [label] },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", data: bottomUp.map((row) => row.department) },
    series: [
      { name: label, type: "bar", label: { show: true, position: "right", formatter: "{c}%" }, data: bottomUp.map((row) => row.participationPercent ?? 0) },
    ],
  };
  return labelledChartSvg(engine, option, { width: WIDTH, height: FRAME_HEIGHT + BAR_HEIGHT * rows.length }, summary);
}
