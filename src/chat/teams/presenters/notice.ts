// Direct messages to an employee, as Adaptive Cards in their personal chat with Advocate.
import { translator } from "../../../i18n";
import { adaptiveCard, textBlocks, type AdaptiveCard } from "./adaptiveCard";
import { teamsMarkup } from "./teamsMarkup";
import { promiseNoticeText } from "../../shared/promiseText";
import { recurringProblemText } from "../../shared/problemText";
import { customerFollowUpText, followedQuestionText, identityMergedText, ideaPublishedText, undeliveredText } from "../../shared/noticeText";
import { linkNotFoundText, replyDraftOffer, type ReplyDraftNotice } from "../../shared/replyDraftText";
import { DIALOG_ACTIONS } from "./questionCard";
import type { Notice } from "../../../core/ports/views/notice";

/** `start` begins linking from a "link first" refusal; the person's waiting text comes back once linked. */
export const LINK_VERBS = { accept: "advocate.link.accept", decline: "advocate.link.decline", start: "advocate.link.start" } as const;

/** The offer of a thread reply as an answer ("Edit first" opens the answer dialog: DIALOG_ACTIONS.editDraft). */
export const DRAFT_VERBS = { publish: "advocate.draft.publish", dismiss: "advocate.draft.dismiss" } as const;

/** "Link my community account", on a refusal or an offer made before linking. */
export function linkStartAction(locale: string) {
  return { type: "Action.Execute", verb: LINK_VERBS.start, title: translator(locale, teamsMarkup.cmd)("link.start"), style: "positive", data: {} };
}

/** What a click on a draft came to: text, with the link button when linking comes first. */
export function draftOutcomeCard(text: string, locale: string, linkFirst = false): AdaptiveCard {
  return adaptiveCard(textBlocks(teamsMarkup.escape(text)), linkFirst ? { actions: [linkStartAction(locale)] } : {});
}

function replyDraftCard(notice: ReplyDraftNotice, locale: string): AdaptiveCard {
  const t = translator(locale, teamsMarkup.cmd);
  const { offer, question } = replyDraftOffer(notice, locale, teamsMarkup);
  const data = { draftId: notice.draftId };
  const choices = notice.username
    ? [
        { type: "Action.Execute", verb: DRAFT_VERBS.publish, title: t("replyDraft.publish"), style: "positive", data },
        { type: "Action.Submit", title: t("replyDraft.edit"), data: { msteams: { type: "task/fetch" }, action: DIALOG_ACTIONS.editDraft, ...data } },
      ]
    : [linkStartAction(locale)];
  return adaptiveCard(
    [
      { type: "TextBlock", text: offer, wrap: true, weight: "Bolder" },
      { type: "TextBlock", text: question, wrap: true, isSubtle: true },
      // A TextRun shows the reply as it is (no markdown): the person's own words.
      { type: "RichTextBlock", inlines: [{ type: "TextRun", text: notice.text }] },
    ],
    { actions: [...choices, { type: "Action.Execute", verb: DRAFT_VERBS.dismiss, title: t("replyDraft.dismiss"), data }] },
  );
}

export function noticeCard(notice: Notice, locale: string): AdaptiveCard {
  const t = translator(locale, teamsMarkup.cmd);
  const simple = (text: string) => adaptiveCard(textBlocks(teamsMarkup.escape(text)));
  switch (notice.type) {
    case "answer_published":
    case "solution_accepted":
      return adaptiveCard([
        ...textBlocks(
          teamsMarkup.escape(t(notice.type === "answer_published" ? "notice.published" : "notice.solution", { points: notice.points, title: notice.title })),
        ),
        { type: "TextBlock", text: teamsMarkup.link(notice.url, t("card.viewReply")), wrap: true },
      ]);
    case "answer_queued":
      return simple(t("notice.queued", { title: notice.title }));
    case "idea_status_published":
      return adaptiveCard([
        ...textBlocks(teamsMarkup.escape(ideaPublishedText(notice, locale))),
        { type: "TextBlock", text: teamsMarkup.link(notice.url, t("card.viewReply")), wrap: true },
      ]);
    case "answer_failed":
    case "answer_refused":
    case "answer_change_failed":
    case "idea_status_failed":
    case "idea_status_refused":
      return adaptiveCard(
        [
          ...textBlocks(teamsMarkup.escape(undeliveredText(notice, locale, teamsMarkup))),
          { type: "TextBlock", text: t("notice.yourText"), wrap: true, weight: "Bolder" },
          // A TextRun shows text as it is (no markdown): the person's own words, exactly, to copy back.
          { type: "RichTextBlock", inlines: [{ type: "TextRun", text: notice.text, fontType: "Monospace" }] },
        ],
        // "Link first": one click starts linking, and the text comes back once linked.
        notice.type === "answer_refused" && notice.problem === "not_linked" ? { actions: [linkStartAction(locale)] } : {},
      );
    case "link_offer":
      return adaptiveCard(
        [
          { type: "TextBlock", text: teamsMarkup.escape(t("link.offer", { username: notice.username, host: notice.host })), wrap: true, weight: "Bolder" },
          { type: "TextBlock", text: t("link.offerDetail"), wrap: true, isSubtle: true },
        ],
        {
          actions: [
            { type: "Action.Execute", verb: LINK_VERBS.accept, title: t("link.accept"), style: "positive", data: { username: notice.username } },
            { type: "Action.Execute", verb: LINK_VERBS.decline, title: t("link.decline"), data: { username: notice.username } },
          ],
        },
      );
    case "link_not_found":
      return simple(linkNotFoundText(notice, locale, teamsMarkup));
    case "reply_draft":
      return replyDraftCard(notice, locale);
    case "link_no_email":
      return simple(t("link.noEmail"));
    case "identity_merged":
      return simple(identityMergedText(notice, locale));
    case "ai_budget_spent":
      return simple(t("ai.budgetSpent", { budget: notice.budget }));
    case "promise_reminder":
    case "promise_missed":
    case "promise_catch_up":
      return adaptiveCard(textBlocks(promiseNoticeText(notice, locale, teamsMarkup)));
    case "followed_question":
      return adaptiveCard(textBlocks(followedQuestionText(notice, locale, teamsMarkup)));
    case "recurring_problem":
      return adaptiveCard(textBlocks(recurringProblemText(notice, locale, teamsMarkup)));
    case "customer_follow_up":
      return adaptiveCard(textBlocks(customerFollowUpText(notice, locale, teamsMarkup)));
  }
}
