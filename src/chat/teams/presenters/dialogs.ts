// Dialogs (task modules): the answer form and the "not for us" reason. Ids travel in the submit data;
// a problem reopens the form with the person's text kept and the reason next to the field.
import { translator } from "../../../i18n";
import type { AnswerFormField } from "../../shared/answerFormFields";
import { adaptiveCard, attachment, type AdaptiveCard, type CardElement } from "./adaptiveCard";
import { DIALOG_ACTIONS } from "./questionCard";
import { teamsMarkup } from "./teamsMarkup";

export interface DialogContext {
  topicId: number;
  /** One id per opened form: a double submit of the same form makes one answer. */
  submissionKey: string;
}

export type TaskModuleResponse =
  | { task: { type: "continue"; value: { title: string; height: "small" | "medium" | "large"; width: "small" | "medium" | "large"; card: ReturnType<typeof attachment> } } }
  | { task: { type: "message"; value: string } };

function problemBlock(text: string | undefined): CardElement[] {
  return text ? [{ type: "TextBlock", text, color: "Attention", wrap: true, weight: "Bolder" }] : [];
}

function dialog(title: string, card: AdaptiveCard, height: "small" | "medium" = "medium"): TaskModuleResponse {
  return { task: { type: "continue", value: { title, height, width: "medium", card: attachment(card) } } };
}

export function message(text: string): TaskModuleResponse {
  return { task: { type: "message", value: text } };
}

export function answerDialog(input: {
  context: DialogContext;
  title: string;
  excerpt: string;
  username: string;
  locale: string;
  text?: string;
  consent?: boolean;
  problem?: { field: AnswerFormField; message: string };
}): TaskModuleResponse {
  const t = translator(input.locale, teamsMarkup.cmd);
  const fieldProblem = (field: AnswerFormField) => problemBlock(input.problem?.field === field ? input.problem.message : undefined);
  const card = adaptiveCard(
    [
      { type: "TextBlock", text: teamsMarkup.escape(input.title), weight: "Bolder", wrap: true },
      { type: "TextBlock", text: teamsMarkup.escape(input.excerpt), wrap: true, isSubtle: true },
      ...fieldProblem("answer"),
      { type: "Input.Text", id: "answerText", label: t("answerModal.label"), placeholder: t("answerModal.hint"), isMultiline: true, value: input.text ?? "" },
      ...fieldProblem("consent"),
      {
        type: "Input.Toggle",
        id: "publishAsMe",
        title: t("answerModal.consent", { username: input.username }),
        value: input.consent ? "true" : "false",
        valueOn: "true",
        valueOff: "false",
      },
    ],
    { actions: [{ type: "Action.Submit", title: t("answerModal.submit"), style: "positive", data: { action: DIALOG_ACTIONS.submitAnswer, ...input.context } }] },
  );
  return dialog(t("answerModal.title"), card);
}

export function passDialog(input: { context: DialogContext; title: string; locale: string; problem?: string }): TaskModuleResponse {
  const t = translator(input.locale, teamsMarkup.cmd);
  const card = adaptiveCard(
    [
      { type: "TextBlock", text: teamsMarkup.escape(input.title), weight: "Bolder", wrap: true },
      ...problemBlock(input.problem),
      { type: "Input.Text", id: "reason", label: t("passModal.label"), maxLength: 500 },
    ],
    { actions: [{ type: "Action.Submit", title: t("passModal.submit"), data: { action: DIALOG_ACTIONS.submitPass, ...input.context } }] },
  );
  return dialog(t("passModal.title"), card, "small");
}
