// Replies to `@Advocate …` in a channel or personal chat.
import type { CommandReply } from "../../../core/commands/runCommand";
import { commandReplyText } from "../../shared/commandReplyText";
import { adaptiveCard, textBlocks, type AdaptiveCard } from "./adaptiveCard";
import { teamsMarkup } from "./teamsMarkup";

export function commandReplyCard(reply: CommandReply, locale: string): AdaptiveCard {
  return adaptiveCard(textBlocks(commandReplyText(reply, locale, teamsMarkup)));
}
