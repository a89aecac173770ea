// A question card as an Adaptive Card with Universal Actions: a pure function of the core's CardView.
import { translator } from "../../../i18n";
import { cardAiLine, cardExpertsLine, cardFacts, cardIdeaLine, cardStateLine } from "../../shared/cardText";
import { cardPromiseLine } from "../../shared/promiseText";
import { adaptiveCard, textBlocks, type AdaptiveCard, type CardElement } from "./adaptiveCard";
import { teamsMarkup } from "./teamsMarkup";
import type { CardAction, CardView } from "../../../core/ports/views/cardView";

/** Verbs of the card's Action.Execute buttons; the refresh verb redraws the card for whoever looks at it. */
export const CARD_VERBS = { claim: "advocate.claim", release: "advocate.release", refresh: "advocate.refresh" } as const;

/** `action` of the buttons that open a dialog (task/fetch), and of the dialogs' own submit (task/submit). */
export const DIALOG_ACTIONS = {
  openAnswer: "advocate.answer",
  openPass: "advocate.pass",
  openIdea: "advocate.idea",
  submitAnswer: "advocate.submitAnswer",
  submitPass: "advocate.submitPass",
  /** The answer dialog's "Draft with AI": the same dialog comes back with a draft in it. */
  draftAnswer: "advocate.draftAnswer",
  /** The idea dialog's first step (which status) and second (the reply for it). */
  chooseIdeaStatus: "advocate.chooseIdeaStatus",
  submitIdeaStatus: "advocate.submitIdeaStatus",
  /** The author's own published answer: edit it, or withdraw it (the dialog asks for confirmation). */
  openEditAnswer: "advocate.editAnswer",
  openWithdrawAnswer: "advocate.withdrawAnswer",
  submitEditAnswer: "advocate.submitEditAnswer",
  submitWithdrawAnswer: "advocate.submitWithdrawAnswer",
  /** "Edit first" on a thread reply's offer: the answer dialog with the reply's text in it. */
  editDraft: "advocate.editDraft",
  /** "Link my community account" in the answer dialog's "link first". */
  linkStart: "advocate.linkStart",
} as const;

const OPENS_DIALOG = {
  answer: DIALOG_ACTIONS.openAnswer,
  pass: DIALOG_ACTIONS.openPass,
  idea: DIALOG_ACTIONS.openIdea,
  editAnswer: DIALOG_ACTIONS.openEditAnswer,
  withdrawAnswer: DIALOG_ACTIONS.openWithdrawAnswer,
} as const;

export function questionCard(view: CardView, timezone: string, notice?: string): AdaptiveCard {
  const t = translator(view.locale, teamsMarkup.cmd);
  const state = cardStateLine(view.state, view.locale, timezone, teamsMarkup);
  const promise = cardPromiseLine(view.promise, view.locale, timezone);
  const small = (text: string | null, extra: Record<string, unknown> = { isSubtle: true }): CardElement[] =>
    text ? [{ type: "TextBlock", text: teamsMarkup.escape(text), size: "Small", wrap: true, spacing: "Small", ...extra }] : [];
  const body: CardElement[] = [
    ...(notice ? [{ type: "TextBlock", text: notice, wrap: true, color: "Accent", weight: "Bolder" }] : []),
    { type: "TextBlock", text: teamsMarkup.link(view.url, view.title), size: "Medium", weight: "Bolder", wrap: true },
    { type: "TextBlock", text: teamsMarkup.escape(view.excerpt), wrap: true },
    ...small(cardFacts(view)),
    ...small(cardAiLine(view)),
    ...small(cardExpertsLine(view)),
    ...small(promise, { color: view.promise?.type === "overdue" || view.promise?.type === "missed" ? "Attention" : "Default" }),
    ...small(cardIdeaLine(view)),
    ...(state ? textBlocks(state, { spacing: "Medium" }) : []),
  ];
  const data = { topicId: view.topicId };
  return adaptiveCard(body, {
    actions: view.actions.map((action) => button(action, t(`card.action.${action}`), data)),
    refresh: { action: { type: "Action.Execute", verb: CARD_VERBS.refresh, data } },
  });
}

function button(action: CardAction, title: string, data: { topicId: number }): CardElement {
  switch (action) {
    case "claim":
    case "release":
      return { type: "Action.Execute", verb: CARD_VERBS[action], title, data };
    case "answer":
    case "pass":
    case "idea":
    case "editAnswer":
    case "withdrawAnswer":
      // Dialogs open from Action.Submit with msteams.type task/fetch; what they send back is a task/submit.
      return {
        type: "Action.Submit",
        title,
        data: { msteams: { type: "task/fetch" }, action: OPENS_DIALOG[action], ...data },
        ...(action === "answer" ? { style: "positive" } : {}),
      };
  }
}
