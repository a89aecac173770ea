// Modal submissions: the answer form and the "not for us" reason. Problems the form alone shows (empty, too long,
// no consent) go back in the ack, so the modal stays open with the employee's text in it. Otherwise the form is
// stored (one insert) and acknowledged, which Slack wants within 3 seconds even under load; it is checked after
// that, and a refusal found then (no linked account, the question gone or closed) comes as a direct message.
import type { App } from "@slack/bolt";
import { checkAnswerText, draftSubmissionKey, receiveAnswer } from "../../../core/answers";
import { FIELD_OF_PROBLEM } from "../../shared/answerFormFields";
import { passOn } from "../../../core/cards";
import { actorEmployee, localeOf } from "../../../core/accounts";
import { translator } from "../../../i18n";
import { ANSWER_MODAL, PASS_MODAL, answerBlockId } from "../presenters/modals";
import { answerModalContext, answerValues, modalContext, parseJsonWith, passValues, consented } from "./payloads";
import type { SlackHandlerContext } from "./context";

export function registerModalSubmissions(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;

  app.view(ANSWER_MODAL, async ({ ack, view, body }) => {
    const actor = { surface: "slack", userId: body.user.id, displayName: body.user.name ?? null };
    const context = parseJsonWith(answerModalContext, view.private_metadata);
    // The form's own language; the person's (a database read) only for forms opened before it travelled along.
    const translate = async () => translator(context?.locale ?? localeOf(deps, await actorEmployee(deps, actor)));
    // Each AI draft gave the answer field a new block id; the context says which one is current.
    const answerBlock = answerBlockId(context?.drafts);
    const values = answerValues.safeParse({ answer: view.state.values[answerBlock], consent: view.state.values.consent });
    if (!context || !values.success) {
      await ack({ response_action: "errors", errors: { [answerBlock]: (await translate())("answerModal.errors.invalid") } });
      return;
    }
    const body_ = values.data.answer.answer_text.value ?? "";
    const consent = consented(values.data.consent);
    // What the form alone can tell stays in the form; everything that needs the database runs after the ack.
    const fieldProblem = checkAnswerText(body_) ?? (consent ? null : "no_consent");
    if (fieldProblem) {
      const field = FIELD_OF_PROBLEM[fieldProblem] === "answer" ? answerBlock : "consent";
      await ack({ response_action: "errors", errors: { [field]: (await translate())(`answerModal.errors.${fieldProblem}`) } });
      return;
    }
    // Stored before the ack, checked after it. A double click submits the same view twice: the view id makes it one;
    // a form opened by "Edit first" is its draft's one answer, whether this or the offer's Publish comes first.
    const aiAssisted = (context.drafts ?? 0) > 0;
    await receiveAnswer(deps, actor, {
      channelId: context.channelId,
      topicId: context.topicId,
      body: body_,
      consent,
      submissionKey: context.draftId ? draftSubmissionKey(context.draftId) : `slack:${view.id}`,
      aiAssisted,
    });
    await ack();
  });

  app.view(PASS_MODAL, async ({ ack, view, body }) => {
    const actor = { surface: "slack", userId: body.user.id, displayName: body.user.name ?? null };
    const t = translator(localeOf(deps, await actorEmployee(deps, actor)));
    const context = parseJsonWith(modalContext, view.private_metadata);
    const values = passValues.safeParse(view.state.values);
    const reason = values.success ? (values.data.reason.reason_text.value ?? "").trim() : "";
    if (!context || !reason) {
      await ack({ response_action: "errors", errors: { reason: t("passModal.errors.empty") } });
      return;
    }
    const result = await passOn(deps, actor, { channelId: context.channelId, topicId: context.topicId }, reason);
    if (!result.ok) {
      await ack({ response_action: "errors", errors: { reason: t(`claim.${result.reason}`) } });
      return;
    }
    await ack();
  });
}
