// Direct messages to an employee.
import type { KnownBlock } from "@slack/types";
import { translator } from "../../../i18n";
import { escapeMrkdwn, link, mrkdwn, plain } from "./mrkdwn";
import { slackMarkup } from "./slackMarkup";
import { promiseNoticeText } from "../../shared/promiseText";
import { recurringProblemText } from "../../shared/problemText";
import { customerFollowUpText, followedQuestionText, identityMergedText, ideaPublishedText, undeliveredText } from "../../shared/noticeText";
import { linkNotFoundText, replyDraftOffer, type ReplyDraftNotice } from "../../shared/replyDraftText";
import type { Markup } from "../../shared/markup";
import type { Notice } from "../../../core/ports/views/notice";

export const LINK_ACCEPT = "advocate_link_accept";
export const LINK_DECLINE = "advocate_link_decline";
/** Starts linking from a "link first" refusal; the person's waiting text comes back once linked. */
export const LINK_START = "advocate_link_start";
/** The offer of a thread reply as an answer; each button carries the draft's id. */
export const DRAFT_ACTIONS = { publish: "advocate_reply_publish", edit: "advocate_reply_edit", dismiss: "advocate_reply_dismiss" } as const;

const linkStartButton = (locale: string): KnownBlock => ({
  type: "actions",
  block_id: "link_start",
  elements: [{ type: "button", action_id: LINK_START, style: "primary", text: plain(translator(locale)("link.start")), value: "link" }],
});

function simple(text: string): { text: string; blocks: KnownBlock[] } {
  return { text, blocks: [{ type: "section", text: mrkdwn(escapeMrkdwn(text)) }] };
}

/** The notification text is mrkdwn too: escaped, so a title or reason quoted in it cannot mention anyone. */
export function noticeMessage(notice: Notice, locale: string): { text: string; blocks: KnownBlock[] } {
  const message = noticeContent(notice, locale);
  return { ...message, text: escapeMrkdwn(message.text) };
}

function noticeContent(notice: Notice, locale: string): { text: string; blocks: KnownBlock[] } {
  const t = translator(locale);
  switch (notice.type) {
    case "answer_published":
    case "solution_accepted": {
      const text = t(notice.type === "answer_published" ? "notice.published" : "notice.solution", { points: notice.points, title: notice.title });
      return { text, blocks: [{ type: "section", text: mrkdwn(`${escapeMrkdwn(text)} ${link(notice.url, t("card.viewReply"))}`) }] };
    }
    case "answer_queued":
      return simple(t("notice.queued", { title: notice.title }));
    case "idea_status_published": {
      const text = ideaPublishedText(notice, locale);
      return { text, blocks: [{ type: "section", text: mrkdwn(`${escapeMrkdwn(text)} ${link(notice.url, t("card.viewReply"))}`) }] };
    }
    case "answer_failed":
    case "answer_refused":
    case "answer_change_failed":
    case "idea_status_failed":
    case "idea_status_refused": {
      const text = undeliveredText(notice, locale, slackMarkup);
      return {
        text,
        blocks: [
          { type: "section", text: mrkdwn(escapeMrkdwn(text)) },
          { type: "section", text: mrkdwn(`${t("notice.yourText")}\n\`\`\`${escapeMrkdwn(notice.text).slice(0, 2800)}\`\`\``) },
          // "Link first": one click starts linking, and the text comes back once linked.
          ...(notice.type === "answer_refused" && notice.problem === "not_linked" ? [linkStartButton(locale)] : []),
        ],
      };
    }
    case "link_offer": {
      const text = t("link.offer", { username: notice.username, host: notice.host });
      return {
        text,
        blocks: [
          { type: "section", text: mrkdwn(escapeMrkdwn(text)) },
          { type: "context", elements: [mrkdwn(escapeMrkdwn(t("link.offerDetail")))] },
          {
            type: "actions",
            elements: [
              { type: "button", action_id: LINK_ACCEPT, style: "primary", text: plain(t("link.accept")), value: notice.username },
              { type: "button", action_id: LINK_DECLINE, text: plain(t("link.decline")), value: notice.username },
            ],
          },
        ],
      };
    }
    case "link_not_found":
      return simple(linkNotFoundText(notice, locale, slackMarkup));
    case "reply_draft":
      return replyDraftMessage(notice, locale);
    case "link_no_email":
      return simple(t("link.noEmail"));
    case "identity_merged":
      return simple(identityMergedText(notice, locale));
    case "ai_budget_spent":
      return simple(t("ai.budgetSpent", { budget: notice.budget }));
    case "promise_reminder":
    case "promise_missed":
    case "promise_catch_up":
      return withLinks((markup) => promiseNoticeText(notice, locale, markup));
    case "followed_question":
      return withLinks((markup) => followedQuestionText(notice, locale, markup));
    case "recurring_problem":
      return withLinks((markup) => recurringProblemText(notice, locale, markup));
    case "customer_follow_up":
      return withLinks((markup) => customerFollowUpText(notice, locale, markup));
  }
}

/** Shared words with links: the message links them; its notification text (escaped whole) names them only. */
function withLinks(render: (markup: Markup) => string): { text: string; blocks: KnownBlock[] } {
  return { text: render({ ...slackMarkup, link: (_url, label) => label }), blocks: [{ type: "section", text: mrkdwn(render(slackMarkup)) }] };
}

/** A thread reply offered to its author: Publish as them, Edit first, Not an answer; or link first. */
export function replyDraftMessage(notice: ReplyDraftNotice, locale: string): { text: string; blocks: KnownBlock[] } {
  const t = translator(locale);
  const { offer, question } = replyDraftOffer(notice, locale, slackMarkup);
  const button = (actionId: string, label: string, primary = false) => ({
    type: "button" as const,
    action_id: actionId,
    text: plain(label),
    value: notice.draftId,
    ...(primary ? { style: "primary" as const } : {}),
  });
  const choices = notice.username
    ? [button(DRAFT_ACTIONS.publish, t("replyDraft.publish"), true), button(DRAFT_ACTIONS.edit, t("replyDraft.edit"))]
    : [{ type: "button" as const, action_id: LINK_START, style: "primary" as const, text: plain(t("link.start")), value: notice.draftId }];
  return {
    text: offer,
    blocks: [
      { type: "section", text: mrkdwn(offer) },
      { type: "context", elements: [mrkdwn(question)] },
      { type: "section", text: mrkdwn(`\`\`\`${escapeMrkdwn(notice.text).slice(0, 2800)}\`\`\``) },
      { type: "actions", block_id: "reply_draft", elements: [...choices, button(DRAFT_ACTIONS.dismiss, t("replyDraft.dismiss"))] },
    ],
  };
}
