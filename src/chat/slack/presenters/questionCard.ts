// A question card in Block Kit: pure function of the core's CardView.
import type { KnownBlock, Button } from "@slack/types";
import type { CardAction, CardState, CardView } from "../../../core/cards/cardView";
import { clockTime, timeAgo, translator } from "../../../i18n";
import { escapeMrkdwn, link, mrkdwn, plain } from "./mrkdwn";

export const CARD_ACTIONS: Record<CardAction, string> = {
  answer: "advocate_answer",
  claim: "advocate_claim",
  release: "advocate_release",
  pass: "advocate_pass",
};

export function questionCard(view: CardView, timezone: string): { text: string; blocks: KnownBlock[] } {
  const t = translator(view.locale);
  const meta = [
    view.author ? t("card.by", { name: view.author }) : null,
    view.category,
    view.tags.length ? view.tags.join(", ") : null,
    view.kind ? t(`kind.${view.kind}`) : null,
    view.language?.toUpperCase(),
    timeAgo(view.postedAt, view.now, view.locale),
  ].filter(Boolean);
  const blocks: KnownBlock[] = [
    { type: "section", block_id: `q_${view.topicId}_head`, text: mrkdwn(`*${link(view.url, view.title)}*\n${escapeMrkdwn(view.excerpt)}`) },
    { type: "context", block_id: `q_${view.topicId}_meta`, elements: [mrkdwn(escapeMrkdwn(meta.join(" · ")))] },
  ];
  const status = stateLine(view.state, view.locale, timezone);
  if (status) blocks.push({ type: "context", block_id: `q_${view.topicId}_state`, elements: [mrkdwn(status)] });
  if (view.actions.length) {
    blocks.push({ type: "actions", block_id: `q_${view.topicId}_actions`, elements: view.actions.map((action) => button(action, view)) });
  }
  return { text: t("card.fallback", { title: view.title }), blocks };
}

function button(action: CardAction, view: CardView): Button {
  const t = translator(view.locale);
  return {
    type: "button",
    action_id: CARD_ACTIONS[action],
    text: plain(t(`card.action.${action}`)),
    value: JSON.stringify({ topicId: view.topicId }),
    ...(action === "answer" ? { style: "primary" as const } : {}),
  };
}

function stateLine(state: CardState, locale: string, timezone: string): string | null {
  const t = translator(locale);
  const name = (value: string) => escapeMrkdwn(value);
  switch (state.type) {
    case "open":
      return null;
    case "claimed":
      return t("card.state.claimed", { name: name(state.by), time: clockTime(state.until, locale, timezone) });
    case "answered":
      return t("card.state.answered", { name: name(state.by), link: state.url ? link(state.url, t("card.viewReply")) : "" });
    case "answered_elsewhere":
      return t("card.state.answeredElsewhere", { name: name(state.by), link: state.url ? link(state.url, t("card.viewReply")) : "" });
    case "closed":
      return t("card.state.closed");
    case "deleted":
      return t("card.state.deleted");
    case "passed_on":
      return t("card.state.passedOn", { name: name(state.by), note: name(state.note) });
  }
}
