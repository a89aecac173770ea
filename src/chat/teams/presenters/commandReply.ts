// Replies to `@Advocate …` in a channel or personal chat.
import type { CommandReply } from "../../../core/commands/runCommand";
import { commandReplyText } from "../../shared/commandReplyText";
import { adaptiveCard, textBlocks, type AdaptiveCard } from "./adaptiveCard";
import { teamsMarkup } from "./teamsMarkup";
import type { Markup } from "../../shared/markup";
import { charityActions } from "./charityPicker";

export function commandReplyCard(reply: CommandReply, locale: string, markup: Markup = teamsMarkup): AdaptiveCard {
  const body = textBlocks(commandReplyText(reply, locale, markup));
  return reply.type === "charity" && reply.charity.kind === "picker"
    ? adaptiveCard(body, { actions: charityActions(reply.charity.picker) })
    : adaptiveCard(body);
}
