// A chart drawn on the server with ECharts' SVG renderer: the report's charts in chat (as PNG) and in the console.
import type { EChartsCoreOption } from "echarts";
import type { ChartEngine } from "./chartEngine";

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * The series' colours, in order: each at least 3:1 against the white background (WCAG's contrast for graphics;
 * ECharts' own palette starts with a light green at 1.7:1) and apart from each other in hue and lightness.
 */
const PALETTE = ["#0b5cad", "#c2410c", "#15803d", "#7e22ce", "#a16207", "#be185d"];

/** ECharts' own SVG, as a PNG converter reads it. */
export function chartSvg(engine: ChartEngine, option: EChartsCoreOption, size: ChartSize): string {
  const chart = engine.echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, backgroundColor: "#ffffff", color: PALETTE, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The chart for a web page: an image to assistive technology, named by `summary` (role, aria-label and <title>),
 * and without inline CSS, so that a strict Content-Security-Policy draws it as ECharts did. Its hover rules are
 * dropped (nothing on a server-drawn chart reacts) and its text styles become the equivalent SVG attributes.
 */
export function labelledChartSvg(engine: ChartEngine, option: EChartsCoreOption, size: ChartSize, summary: string): string {
  const label = escapeXml(summary);
  return chartSvg(engine, option, size)
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ style="([^"]*)"/g, (_all, css: string) => styleAsAttributes(css))
    .replace(/<svg /, `<svg role="img" aria-label="${label}" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${label}</title>`);
}

/** `font-size:12px;font-family:sans-serif;` → ` font-size="12px" font-family="sans-serif"` (SVG presentation attributes). */
function styleAsAttributes(css: string): string {
  return css
    .split(";")
    .map((declaration) => declaration.split(":").map((part) => part.trim()))
    .filter((parts): parts is [string, string] => parts.length === 2 && /^[a-z-]+$/.test(parts[0]!) && parts[1] !== "")
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}
