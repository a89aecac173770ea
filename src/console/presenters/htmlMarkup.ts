// The chat surfaces' shared words (src/chat/shared) written as HTML: names and titles escaped, emphasis and links as
// elements. What these functions return is safe to place in a page (asHtml).
import type { Markup } from "../../chat/shared/markup";
import { escapeHtml } from "./html";

export function htmlMarkup(cmd: string): Markup {
  return {
    cmd,
    escape: escapeHtml,
    bold: (text) => `<strong>${text}</strong>`,
    link: (url, label) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`,
    person: (row) => escapeHtml(row.displayName ?? row.externalId),
    channel: (target, otherSurfaceLabel) => escapeHtml(`${target.channelId} (${otherSurfaceLabel(target.surface)})`),
  };
}
