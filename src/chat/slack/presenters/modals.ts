// Modals: answer a question, pass it on, or first link an account. Context travels as ids in private_metadata.
import type { ModalView } from "@slack/types";
import { translator } from "../../../i18n";
import { escapeMrkdwn, mrkdwn, plain } from "./mrkdwn";
import { slackMarkup } from "./slackMarkup";
import { draftNotes } from "../../shared/draftText";
import { LINK_START } from "./notice";
import { needsReason, type IdeaStatus } from "../../../core/kernel/ideaStatus";

export const ANSWER_MODAL = "advocate_answer_modal";
export const PASS_MODAL = "advocate_pass_modal";
export const IDEA_MODAL = "advocate_idea_modal";
/** Slack caps a plain_text_input at 3,000 characters. */
export const SLACK_INPUT_MAX = 3000;

export interface ModalContext {
  topicId: number;
  channelId: string;
  messageTs: string;
}

/**
 * A form modal: only ids travel with it, in private_metadata, and the language it was opened in, so that a
 * problem with the form is told before Slack's 3 seconds are up without asking the database whose form it is.
 */
function formModal(
  callbackId: string,
  context: ModalContext,
  locale: string,
  texts: { title: string; submit: string },
  blocks: ModalView["blocks"],
): ModalView {
  const t = translator(locale);
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: JSON.stringify({ ...context, locale }),
    title: plain(t(texts.title)),
    submit: plain(t(texts.submit)),
    close: plain(t("common.cancel")),
    blocks,
  };
}

export const DRAFT_ACTION = "advocate_draft";

/** The answer form's state between drafts: how many drafts were asked for (each one resets the answer field). */
export interface AnswerModalContext extends ModalContext {
  drafts?: number;
  /** Opened by "Edit first" on a thread reply's offer: the form's answer is that draft's one answer. */
  draftId?: string;
}

/** The answer field's block: a new id per draft, since Slack keeps what was typed in a block it already knows. */
export const answerBlockId = (drafts: number | undefined) => (drafts ? `answer_${drafts}` : "answer");

export function answerModal(input: {
  context: AnswerModalContext;
  title: string;
  excerpt: string;
  username: string;
  locale: string;
  canDraft: boolean;
  /** A draft to start from, and the accepted answers it drew on. */
  draft?: { text: string; sources: Array<{ title: string; url: string }> };
  /** A word under the draft button (working on it, or why there is no draft). */
  note?: string;
  /** The employee's own text to start from (a thread reply they chose to edit first). */
  text?: string;
}): ModalView {
  const t = translator(input.locale);
  const draftBlocks: ModalView["blocks"] = [];
  if (input.canDraft) {
    draftBlocks.push({ type: "actions", block_id: "draft", elements: [{ type: "button", action_id: DRAFT_ACTION, text: plain(t("draft.button")) }] });
    for (const note of draftNotes(input.locale, slackMarkup, { note: input.note, sources: input.draft?.sources }))
      draftBlocks.push({ type: "context", elements: [mrkdwn(note)] });
  }
  return formModal(ANSWER_MODAL, input.context, input.locale, { title: "answerModal.title", submit: "answerModal.submit" }, [
    { type: "section", block_id: "question", text: mrkdwn(`*${escapeMrkdwn(input.title)}*\n${escapeMrkdwn(input.excerpt)}`) },
    ...draftBlocks,
    {
      type: "input",
      block_id: answerBlockId(input.context.drafts),
      label: plain(t("answerModal.label")),
      hint: plain(t("answerModal.hint")),
      element: {
        type: "plain_text_input",
        action_id: "answer_text",
        multiline: true,
        max_length: SLACK_INPUT_MAX,
        ...(input.draft || input.text ? { initial_value: (input.draft?.text ?? input.text ?? "").slice(0, SLACK_INPUT_MAX) } : {}),
      },
    },
    {
      type: "input",
      block_id: "consent",
      label: plain(t("answerModal.consentLabel")),
      element: {
        type: "checkboxes",
        action_id: "publish_as_me",
        options: [{ text: plain(t("answerModal.consent", { username: input.username })), value: "publish_as_me" }],
      },
    },
  ]);
}

/** The public reply for an idea's new status: the localised template, in the customer's language, to edit. */
export function ideaModal(input: {
  context: ModalContext & { status: IdeaStatus };
  title: string;
  template: string;
  username: string;
  locale: string;
}): ModalView {
  const t = translator(input.locale);
  const { status } = input.context;
  return formModal(IDEA_MODAL, input.context, input.locale, { title: "idea.modal.title", submit: "idea.modal.submit" }, [
    { type: "section", text: mrkdwn(`*${escapeMrkdwn(input.title)}*\n${t("idea.modal.statusLine", { status: t(`idea.status.${status}`) })}`) },
    {
      type: "input",
      block_id: "reply",
      label: plain(t("idea.modal.label")),
      hint: plain(t("idea.modal.hint")),
      element: { type: "plain_text_input", action_id: "reply_text", multiline: true, max_length: SLACK_INPUT_MAX, initial_value: input.template },
    },
    ...(needsReason(status)
      ? [
          {
            type: "input" as const,
            block_id: "reason",
            label: plain(t("idea.modal.reasonLabel")),
            element: { type: "plain_text_input" as const, action_id: "reason_text", multiline: true, max_length: 1000 },
          },
        ]
      : []),
    {
      type: "input",
      block_id: "consent",
      label: plain(t("answerModal.consentLabel")),
      element: {
        type: "checkboxes",
        action_id: "publish_as_me",
        options: [{ text: plain(t("idea.modal.consent", { username: input.username })), value: "publish_as_me" }],
      },
    },
  ]);
}

export function passOnModal(input: { context: ModalContext; title: string; locale: string }): ModalView {
  const t = translator(input.locale);
  return formModal(PASS_MODAL, input.context, input.locale, { title: "passModal.title", submit: "passModal.submit" }, [
    { type: "section", text: mrkdwn(`*${escapeMrkdwn(input.title)}*`) },
    { type: "input", block_id: "reason", label: plain(t("passModal.label")), element: { type: "plain_text_input", action_id: "reason_text", max_length: 500 } },
  ]);
}

export function notLinkedModal(locale: string): ModalView {
  const t = translator(locale);
  return {
    type: "modal",
    title: plain(t("answerModal.title")),
    close: plain(t("common.close")),
    blocks: [
      { type: "section", text: mrkdwn(t("answerModal.notLinked")) },
      // Onboarding in one click: the consent flow starts here (handlers/draftButtons.ts).
      { type: "actions", elements: [{ type: "button", action_id: LINK_START, style: "primary", text: plain(t("link.start")), value: "link" }] },
    ],
  };
}

/** The not-linked modal once its button was pressed: what happens next. */
export function linkStartedModal(locale: string, text: string): ModalView {
  const t = translator(locale);
  return { type: "modal", title: plain(t("answerModal.title")), close: plain(t("common.close")), blocks: [{ type: "section", text: mrkdwn(text) }] };
}
