import { translator } from "../../../i18n";
import { adaptiveCard, type AdaptiveCard } from "./adaptiveCard";
import { teamsMarkup } from "./teamsMarkup";

/** Shown in place of a card or dialog when a request made no sense (an old card, an unknown action). */
export function errorCard(locale: string): AdaptiveCard {
  const t = translator(locale, teamsMarkup.cmd);
  return adaptiveCard([{ type: "TextBlock", text: t("teams.unknownAction"), wrap: true, color: "Attention" }]);
}
