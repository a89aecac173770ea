// A customer story in Block Kit: pure function of the core's StoryView.
import type { KnownBlock } from "@slack/types";
import { storyCardText } from "../../shared/storyText";
import { escapeMrkdwn, mrkdwn } from "./mrkdwn";
import { slackMarkup } from "./slackMarkup";
import type { StoryView } from "../../../core/ports/views/storyView";

export function storyCard(view: StoryView): { text: string; blocks: KnownBlock[] } {
  const text = storyCardText(view, slackMarkup);
  return {
    text: escapeMrkdwn(text.fallback),
    blocks: [
      { type: "section", text: mrkdwn(`*${text.heading}*\n${text.reason}`) },
      { type: "section", text: mrkdwn(`${text.asked}\n> ${text.quote}`) },
      { type: "context", elements: [mrkdwn(text.outcome)] },
      { type: "section", text: mrkdwn(`*${text.discussTitle}:* ${text.prompt}`) },
    ],
  };
}
