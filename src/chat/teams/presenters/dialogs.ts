// Dialogs (task modules): the answer form and the "not for us" reason. Ids travel in the submit data;
// a problem reopens the form with the person's text kept and the reason next to the field.
import { translator } from "../../../i18n";
import type { AnswerFormField } from "../../shared/answerFormFields";
import { adaptiveCard, attachment, type AdaptiveCard, type CardElement } from "./adaptiveCard";
import { DIALOG_ACTIONS } from "./questionCard";
import { teamsMarkup } from "./teamsMarkup";
import { draftNotes } from "../../shared/draftText";
import { IDEA_STATUSES, isIdeaStatus, needsReason, type IdeaStatus } from "../../../core/kernel/ideaStatus";

export interface DialogContext {
  topicId: number;
  /** One id per opened form: a double submit of the same form makes one answer. */
  submissionKey: string;
  /** Opened by "Edit first" on a thread reply's offer: the form's answer is that draft's one answer. */
  draftId?: string;
}

export type TaskModuleResponse =
  | {
      task: {
        type: "continue";
        value: { title: string; height: "small" | "medium" | "large"; width: "small" | "medium" | "large"; card: ReturnType<typeof attachment> };
      };
    }
  | { task: { type: "message"; value: string } };

export function problemBlock(text: string | undefined): CardElement[] {
  return text ? [{ type: "TextBlock", text, color: "Attention", wrap: true, weight: "Bolder" }] : [];
}

export function dialog(title: string, card: AdaptiveCard, height: "small" | "medium" = "medium"): TaskModuleResponse {
  return { task: { type: "continue", value: { title, height, width: "medium", card: attachment(card) } } };
}

export function message(text: string): TaskModuleResponse {
  return { task: { type: "message", value: text } };
}

/** "Link first", with the one click that starts linking (its submit: DIALOG_ACTIONS.linkStart). */
export function linkFirstDialog(locale: string): TaskModuleResponse {
  const t = translator(locale, teamsMarkup.cmd);
  const card = adaptiveCard([{ type: "TextBlock", text: t("answerModal.notLinked"), wrap: true }], {
    actions: [{ type: "Action.Submit", title: t("link.start"), style: "positive", data: { action: DIALOG_ACTIONS.linkStart } }],
  });
  return dialog(t("answerModal.title"), card, "small");
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
  /** "Draft with AI" is on offer; `aiAssisted` says the text came from a draft, `sources` what a new draft drew on. */
  canDraft?: boolean;
  aiAssisted?: boolean;
  sources?: Array<{ title: string; url: string }>;
  /** Why there is no draft. */
  note?: string;
}): TaskModuleResponse {
  const t = translator(input.locale, teamsMarkup.cmd);
  const fieldProblem = (field: AnswerFormField) => problemBlock(input.problem?.field === field ? input.problem.message : undefined);
  const card = adaptiveCard(
    [
      { type: "TextBlock", text: teamsMarkup.escape(input.title), weight: "Bolder", wrap: true },
      { type: "TextBlock", text: teamsMarkup.escape(input.excerpt), wrap: true, isSubtle: true },
      ...draftNotes(input.locale, teamsMarkup, input).map((note) => ({ type: "TextBlock", text: note, wrap: true, size: "Small", color: "Accent" })),
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
    {
      actions: [
        {
          type: "Action.Submit",
          title: t("answerModal.submit"),
          style: "positive",
          data: { action: DIALOG_ACTIONS.submitAnswer, ...input.context, aiAssisted: input.aiAssisted ? "true" : "false" },
        },
        ...(input.canDraft ? [{ type: "Action.Submit", title: t("draft.button"), data: { action: DIALOG_ACTIONS.draftAnswer, ...input.context } }] : []),
      ],
    },
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

/** The idea dialog's first step: which status (the current one preselected). */
export function ideaChoiceDialog(input: { context: DialogContext; title: string; current: string | null; locale: string }): TaskModuleResponse {
  const t = translator(input.locale, teamsMarkup.cmd);
  const card = adaptiveCard(
    [
      { type: "TextBlock", text: teamsMarkup.escape(input.title), weight: "Bolder", wrap: true },
      {
        type: "Input.ChoiceSet",
        id: "status",
        label: t("idea.modal.chooseLabel"),
        style: "expanded",
        value: isIdeaStatus(input.current) ? input.current : IDEA_STATUSES[0],
        choices: IDEA_STATUSES.map((status) => ({ title: t(`idea.status.${status}`), value: status })),
      },
    ],
    { actions: [{ type: "Action.Submit", title: t("idea.modal.next"), data: { action: DIALOG_ACTIONS.chooseIdeaStatus, ...input.context } }] },
  );
  return dialog(t("idea.modal.title"), card);
}

/** The idea dialog's second step: the public reply for the chosen status, a reason for a "no", and consent. */
export function ideaDialog(input: {
  context: DialogContext & { status: IdeaStatus };
  title: string;
  text: string;
  reason?: string;
  username: string;
  locale: string;
  consent?: boolean;
  problem?: { field: "reply" | "reason" | "consent"; message: string };
}): TaskModuleResponse {
  const t = translator(input.locale, teamsMarkup.cmd);
  const { status } = input.context;
  const fieldProblem = (field: "reply" | "reason" | "consent") => problemBlock(input.problem?.field === field ? input.problem.message : undefined);
  const card = adaptiveCard(
    [
      { type: "TextBlock", text: teamsMarkup.escape(input.title), weight: "Bolder", wrap: true },
      { type: "TextBlock", text: t("idea.modal.statusLine", { status: t(`idea.status.${status}`) }), wrap: true },
      ...fieldProblem("reply"),
      { type: "Input.Text", id: "replyText", label: t("idea.modal.label"), placeholder: t("idea.modal.hint"), isMultiline: true, value: input.text },
      ...(needsReason(status)
        ? [
            ...fieldProblem("reason"),
            { type: "Input.Text", id: "reason", label: t("idea.modal.reasonLabel"), isMultiline: true, maxLength: 1000, value: input.reason ?? "" },
          ]
        : []),
      ...fieldProblem("consent"),
      {
        type: "Input.Toggle",
        id: "publishAsMe",
        title: t("idea.modal.consent", { username: input.username }),
        value: input.consent ? "true" : "false",
        valueOn: "true",
        valueOff: "false",
      },
    ],
    {
      actions: [
        { type: "Action.Submit", title: t("idea.modal.submit"), style: "positive", data: { action: DIALOG_ACTIONS.submitIdeaStatus, ...input.context } },
      ],
    },
  );
  return dialog(t("idea.modal.title"), card);
}
