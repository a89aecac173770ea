// A file for Teams, shown inline: a bot's file upload needs OneDrive consent cards, so the text comes in the card,
// in monospace, with a note saying how to keep it.
import type { ChatFile } from "../../../core/outbox/messages";
import { translator } from "../../../i18n";
import { adaptiveCard, type AdaptiveCard } from "./adaptiveCard";
import { teamsMarkup } from "./teamsMarkup";

export function fileCard(file: ChatFile, locale: string): AdaptiveCard {
  const t = translator(locale, teamsMarkup.cmd);
  return adaptiveCard([
    { type: "TextBlock", text: `**${teamsMarkup.escape(file.title)}**`, wrap: true },
    { type: "TextBlock", text: t("report.fileInline", { filename: file.filename }), wrap: true, isSubtle: true },
    { type: "TextBlock", text: file.content, fontType: "Monospace", wrap: true },
  ]);
}
