// Modal submissions: the answer form and the "not for us" reason. Field problems go back in the ack,
// so the modal stays open with the employee's text in it. That is why the (fast, database-only) submit runs
// before the ack here, within a deadline that keeps Slack's 3 seconds under load; publishing is outbox work.
import type { App } from "@slack/bolt";
import { reportLateRefusal, submitAnswer } from "../../../core/answers/submitAnswer";
import { FIELD_OF_PROBLEM } from "../../shared/answerFormFields";
import { passOn } from "../../../core/cards/passOn";
import { actorEmployee, localeOf } from "../../../core/accounts/actor";
import { translator } from "../../../i18n";
import { ANSWER_MODAL, PASS_MODAL } from "../presenters/modals";
import { answerValues, modalContext, parseJsonWith, passValues } from "./payloads";
import type { SlackHandlerContext } from "./context";
import { withinAckDeadline } from "./ackDeadline";

export function registerModalSubmissions(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;

  app.view(ANSWER_MODAL, async ({ ack, view, body }) => {
    const actor = { surface: "slack", userId: body.user.id, displayName: body.user.name ?? null };
    const translate = async () => translator(localeOf(deps, await actorEmployee(deps, actor)));
    const context = parseJsonWith(modalContext, view.private_metadata);
    const values = answerValues.safeParse(view.state.values);
    if (!context || !values.success) {
      await ack({ response_action: "errors", errors: { answer: (await translate())("answerModal.errors.invalid") } });
      return;
    }
    const body_ = values.data.answer.answer_text.value ?? "";
    const consent = (values.data.consent.publish_as_me.selected_options ?? []).some((option) => option.value === "publish_as_me");
    // A double click submits the same view twice: the view id makes it one answer.
    const submitted = submitAnswer(deps, actor, { channelId: context.channelId, topicId: context.topicId, body: body_, consent, submissionKey: `slack:${view.id}` });
    const outcome = await withinAckDeadline(submitted);
    if (outcome.late) {
      // Under load the form closes before the answer is stored; a refusal then comes as a DM with the text.
      await ack();
      const result = await outcome.pending;
      if (!result.ok) await reportLateRefusal(deps, actor, result.problem, body_);
      return;
    }
    const result = outcome.value;
    if (!result.ok) {
      await ack({ response_action: "errors", errors: { [FIELD_OF_PROBLEM[result.problem]]: (await translate())(`answerModal.errors.${result.problem}`) } });
      return;
    }
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
