// Server-rendered HTML without a template engine: `html` escapes everything interpolated into it, except what is
// already Html (a fragment built the same way), so markup can only come from the templates themselves.
const SAFE: unique symbol = Symbol("html");

export interface Html {
  readonly [SAFE]: true;
  readonly text: string;
}

type Part = Html | string | number | null | undefined | false | readonly Html[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const isHtml = (part: unknown): part is Html => typeof part === "object" && part !== null && SAFE in part;

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (isHtml(part)) return part.text;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return { [SAFE]: true, text: strings.reduce((out, string, index) => out + render(parts[index - 1] as Part) + string) };
}

/** Text the console's Markup (htmlMarkup.ts) wrote from the chat surfaces' shared words: its outside parts are escaped. */
export function fromMarkup(text: string): Html {
  return { [SAFE]: true, text };
}

/** A chart from src/chat/shared's chart functions: ECharts escapes its labels, and they escape the summary. */
export function fromChartSvg(svg: string): Html {
  return { [SAFE]: true, text: svg };
}
