// The chat surfaces' shared words (src/chat/shared) written as HTML: names and titles escaped, emphasis and links as
// elements. What these functions return is safe to place in a page (asHtml).
import type { Markup } from "../../chat/shared/markup";
import { escapeHtml } from "./html";

/** `names`: the channels whose names Advocate knows (chat/shared/channelNames), by id; others by id and surface. */
export function htmlMarkup(cmd: string, names: ReadonlyMap<string, string> = new Map()): Markup {
  return {
    cmd,
    escape: escapeHtml,
    bold: (text) => `<strong>${text}</strong>`,
    link: (url, label) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`,
    person: (row) => escapeHtml(row.displayName ?? row.externalId),
    channel: (target, otherSurfaceLabel) => {
      const name = names.get(target.channelId);
      return escapeHtml(name ? `#${name}` : `${target.channelId} (${otherSurfaceLabel(target.surface)})`);
    },
  };
}
