import { COMMAND_PREFIX } from "../../../i18n";
import type { Markup } from "../../shared/markup";

/**
 * Teams markdown (messages and Adaptive Card TextBlocks), which knows emphasis, links and lists: backslashes
 * before those characters keep outside text from formatting or linking, and leave all else as it was.
 */
export const teamsMarkup: Markup = {
  cmd: COMMAND_PREFIX.teams,
  escape: (text) => text.replace(/([\\*_[\]])/g, "\\$1"),
  bold: (text) => `**${text}**`,
  link: (url, label) => `[${teamsMarkup.escape(label)}](${url.replace(/[()\s]/g, encodeURIComponent)})`,
  person: (row) => teamsMarkup.escape(row.displayName ?? row.externalId),
  channel: (target, other) => other(target.surface),
};

/** Teams markdown that names the Teams channels it knows (Teams has no channel mention a bot can write by id). */
export function teamsMarkupNaming(names: ReadonlyMap<string, string>): Markup {
  return {
    ...teamsMarkup,
    channel: (target, other) => {
      const name = target.surface === "teams" ? names.get(target.channelId) : undefined;
      return name ? `#${teamsMarkup.escape(name)}` : other(target.surface);
    },
  };
}
