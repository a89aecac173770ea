// A table that may be wider than a phone's screen scrolls sideways inside its own region, never the whole page (a
// data table keeps its rows and columns, as WCAG's reflow rule allows). The region is named and focusable, so a
// keyboard can scroll it too.
import { html, type Html } from "./html";

export function wideTable(label: string, table: Html): Html {
  return html`<div class="table-scroll" role="region" aria-label="${label}" tabindex="0">${table}</div>`;
}
