// Modals for the author's own published answer: edit it (prefilled with its text) or withdraw it (a confirmation).
// Only the answer's id and the form's language travel with them; who may change it is decided on submit.
import type { ModalView } from "@slack/types";
import { translator } from "../../../i18n";
import { escapeMrkdwn, mrkdwn, plain } from "./mrkdwn";
import { SLACK_INPUT_MAX } from "./modals";

export const EDIT_ANSWER_MODAL = "advocate_edit_answer_modal";
export const WITHDRAW_ANSWER_MODAL = "advocate_withdraw_answer_modal";

export function editAnswerModal(input: { answerId: string; title: string; body: string; locale: string }): ModalView {
  const t = translator(input.locale);
  return {
    ...frame(EDIT_ANSWER_MODAL, input, "answerChange.editTitle", "answerChange.save"),
    blocks: [
      { type: "section", text: mrkdwn(`*${escapeMrkdwn(input.title)}*`) },
      {
        type: "input",
        block_id: "answer",
        label: plain(t("answerChange.answerLabel")),
        element: {
          type: "plain_text_input",
          action_id: "answer_text",
          multiline: true,
          max_length: SLACK_INPUT_MAX,
          initial_value: input.body.slice(0, SLACK_INPUT_MAX),
        },
      },
      {
        type: "input",
        block_id: "reason",
        optional: true,
        label: plain(t("answerChange.reasonLabel")),
        element: { type: "plain_text_input", action_id: "reason_text", max_length: 200 },
      },
    ],
  };
}

export function withdrawAnswerModal(input: { answerId: string; title: string; locale: string }): ModalView {
  const t = translator(input.locale);
  return {
    ...frame(WITHDRAW_ANSWER_MODAL, input, "answerChange.withdrawTitle", "answerChange.withdraw"),
    blocks: [{ type: "section", text: mrkdwn(escapeMrkdwn(t("answerChange.withdrawConfirm", { title: input.title }))) }],
  };
}

/** What replaces a form the change was refused from (a withdrawal has no field to show it by). */
export function refusedModal(text: string, locale: string): ModalView {
  const t = translator(locale);
  return {
    type: "modal",
    title: plain(t("answerChange.withdrawTitle")),
    close: plain(t("common.close")),
    blocks: [{ type: "section", text: mrkdwn(escapeMrkdwn(text)) }],
  };
}

function frame(callbackId: string, input: { answerId: string; locale: string }, title: string, submit: string) {
  const t = translator(input.locale);
  return {
    type: "modal" as const,
    callback_id: callbackId,
    private_metadata: JSON.stringify({ answerId: input.answerId, locale: input.locale }),
    title: plain(t(title)),
    submit: plain(t(submit)),
    close: plain(t("common.cancel")),
  };
}
