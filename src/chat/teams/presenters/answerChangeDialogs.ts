// Dialogs for the author's own published answer: edit it (prefilled with its text) or withdraw it (a confirmation).
// The answer's id travels in the submit data; who may change it is decided on submit.
import { translator } from "../../../i18n";
import { adaptiveCard } from "./adaptiveCard";
import { DIALOG_ACTIONS } from "./questionCard";
import { teamsMarkup } from "./teamsMarkup";
import { dialog, problemBlock, type DialogContext, type TaskModuleResponse } from "./dialogs";

interface ChangeDialog {
  context: DialogContext & { answerId: string };
  title: string;
  locale: string;
  problem?: string;
}

export function editAnswerDialog(input: ChangeDialog & { body: string; reason?: string }): TaskModuleResponse {
  const t = translator(input.locale, teamsMarkup.cmd);
  const card = adaptiveCard(
    [
      { type: "TextBlock", text: teamsMarkup.escape(input.title), weight: "Bolder", wrap: true },
      ...problemBlock(input.problem),
      { type: "Input.Text", id: "answerText", label: t("answerChange.answerLabel"), isMultiline: true, value: input.body },
      { type: "Input.Text", id: "reason", label: t("answerChange.reasonLabel"), maxLength: 200, value: input.reason ?? "" },
    ],
    { actions: [{ type: "Action.Submit", title: t("answerChange.save"), data: { action: DIALOG_ACTIONS.submitEditAnswer, ...input.context } }] },
  );
  return dialog(t("answerChange.editTitle"), card);
}

export function withdrawAnswerDialog(input: ChangeDialog): TaskModuleResponse {
  const t = translator(input.locale, teamsMarkup.cmd);
  const card = adaptiveCard(
    [...problemBlock(input.problem), { type: "TextBlock", text: teamsMarkup.escape(t("answerChange.withdrawConfirm", { title: input.title })), wrap: true }],
    {
      actions: [
        {
          type: "Action.Submit",
          title: t("answerChange.withdraw"),
          style: "destructive",
          data: { action: DIALOG_ACTIONS.submitWithdrawAnswer, ...input.context },
        },
      ],
    },
  );
  return dialog(t("answerChange.withdrawTitle"), card, "small");
}
