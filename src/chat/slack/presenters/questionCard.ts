// A question card in Block Kit: pure function of the core's CardView.
import type { KnownBlock, Button, StaticSelect } from "@slack/types";
import { translator } from "../../../i18n";
import { cardAiLine, cardExpertsLine, cardFacts, cardIdeaLine, cardStateLine } from "../../shared/cardText";
import { IDEA_STATUSES } from "../../../core/kernel/ideaStatus";
import { cardPromiseLine } from "../../shared/promiseText";
import { escapeMrkdwn, link, mrkdwn, plain } from "./mrkdwn";
import { slackMarkup } from "./slackMarkup";
import type { CardAction, CardView } from "../../../core/ports/views/cardView";

export const CARD_ACTIONS: Record<CardAction, string> = {
  answer: "advocate_answer",
  claim: "advocate_claim",
  release: "advocate_release",
  pass: "advocate_pass",
  idea: "advocate_idea_status",
  editAnswer: "advocate_edit_answer",
  withdrawAnswer: "advocate_withdraw_answer",
};

export function questionCard(view: CardView, timezone: string): { text: string; blocks: KnownBlock[] } {
  const t = translator(view.locale);
  const blocks: KnownBlock[] = [
    { type: "section", block_id: `q_${view.topicId}_head`, text: mrkdwn(`*${link(view.url, view.title)}*\n${escapeMrkdwn(view.excerpt)}`) },
  ];
  // The small print under the title, each line unescaped words escaped here: facts, AI, experts, promise.
  const lines: Array<[string, string | null]> = [
    ["meta", cardFacts(view)],
    ["ai", cardAiLine(view)],
    ["experts", cardExpertsLine(view)],
    ["promise", cardPromiseLine(view.promise, view.locale, timezone)],
    ["idea", cardIdeaLine(view)],
  ];
  for (const [name, line] of lines) if (line) blocks.push({ type: "context", block_id: `q_${view.topicId}_${name}`, elements: [mrkdwn(escapeMrkdwn(line))] });
  const status = cardStateLine(view.state, view.locale, timezone, slackMarkup);
  if (status) blocks.push({ type: "context", block_id: `q_${view.topicId}_state`, elements: [mrkdwn(status)] });
  if (view.actions.length) {
    blocks.push({ type: "actions", block_id: `q_${view.topicId}_actions`, elements: view.actions.map((action) => button(action, view)) });
  }
  // The notification text is mrkdwn as well: escaped whole, so a customer's title cannot mention anyone.
  return { text: escapeMrkdwn(t("card.fallback", { title: view.title })), blocks };
}

function button(action: CardAction, view: CardView): Button | StaticSelect {
  const t = translator(view.locale);
  if (action === "idea") {
    // Choosing a status opens the reply form for it; the value carries the topic and the status.
    return {
      type: "static_select",
      action_id: CARD_ACTIONS.idea,
      placeholder: plain(t("idea.setStatus")),
      options: IDEA_STATUSES.map((status) => ({ text: plain(t(`idea.status.${status}`)), value: JSON.stringify({ topicId: view.topicId, status }) })),
    };
  }
  return {
    type: "button",
    action_id: CARD_ACTIONS[action],
    text: plain(t(`card.action.${action}`)),
    value: JSON.stringify({ topicId: view.topicId }),
    ...(action === "answer" ? { style: "primary" as const } : {}),
  };
}
