// A customer story as an Adaptive Card: pure function of the core's StoryView.
import { storyCardText } from "../../shared/storyText";
import { adaptiveCard, type AdaptiveCard } from "./adaptiveCard";
import { teamsMarkup } from "./teamsMarkup";
import type { StoryView } from "../../../core/ports/views/storyView";

export function storyCard(view: StoryView): AdaptiveCard {
  const text = storyCardText(view, teamsMarkup);
  return adaptiveCard([
    { type: "TextBlock", text: text.heading, size: "Medium", weight: "Bolder", wrap: true },
    { type: "TextBlock", text: text.reason, wrap: true, spacing: "Small" },
    { type: "TextBlock", text: text.asked, isSubtle: true, wrap: true },
    // The customer's own words, set apart like a quote.
    { type: "Container", style: "emphasis", items: [{ type: "TextBlock", text: text.quote, wrap: true }] },
    { type: "TextBlock", text: text.outcome, isSubtle: true, size: "Small", wrap: true },
    { type: "TextBlock", text: text.discussTitle, weight: "Bolder", spacing: "Medium", wrap: true },
    { type: "TextBlock", text: text.prompt, wrap: true, color: "Accent" },
  ]);
}
