// ECharts and resvg, loaded when a chart is first drawn rather than at start: most processes never draw one, and
// the two hold about 22 MB once loaded (ECharts' source alone is 7.5 MB of the heap).
import type * as Echarts from "echarts";
import type { Resvg } from "@resvg/resvg-js";

export interface ChartEngine {
  echarts: typeof Echarts;
  Resvg: typeof Resvg;
}

let loading: Promise<ChartEngine> | null = null;

export function chartEngine(): Promise<ChartEngine> {
  loading ??= Promise.all([import("echarts"), import("@resvg/resvg-js")]).then(([echarts, resvg]) => ({ echarts, Resvg: resvg.Resvg }));
  return loading;
}
