// The author's own published answer, from its card: "Edit my answer" opens a modal prefilled with its text, and
// "Withdraw my answer" a confirmation. On submit the core decides whether the answer is the submitter's; problems
// go back in the ack, so the form stays open with the employee's text in it.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { z } from "zod";
import { prepareAnswerChange, requestAnswerEdit, requestAnswerWithdrawal, type ChangeProblem } from "../../../core/answers";
import { actorEmployee, localeOf } from "../../../core/accounts";
import { translator } from "../../../i18n";
import { CARD_ACTIONS } from "../presenters/questionCard";
import { EDIT_ANSWER_MODAL, WITHDRAW_ANSWER_MODAL, editAnswerModal, refusedModal, withdrawAnswerModal } from "../presenters/answerChangeModals";
import { parseJsonWith } from "./payloads";
import { readPress, tell } from "./cardButtons";
import type { SlackHandlerContext } from "./context";

const changeContext = z.object({ answerId: z.string().min(1).max(64), locale: z.string().max(16) });
const editValues = z.object({
  answer: z.object({ answer_text: z.object({ value: z.string().nullish() }) }),
  reason: z.object({ reason_text: z.object({ value: z.string().nullish() }) }).optional(),
});

export function registerAnswerChange(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;

  for (const [actionId, change] of [
    [CARD_ACTIONS.editAnswer, "edit"],
    [CARD_ACTIONS.withdrawAnswer, "withdraw"],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const press = readPress(body, action.value);
      if (!press) return ctx.logger.warn({ actionId }, "card button with an unexpected payload");
      const form = await prepareAnswerChange(deps, press.actor, press.at);
      if (form.status !== "ready") return tell(respond, translator(form.locale)(`answerChange.problems.${form.status}`));
      const view = change === "edit" ? editAnswerModal(form) : withdrawAnswerModal(form);
      await client.views.open({ trigger_id: press.triggerId, view });
    });
  }

  app.view(EDIT_ANSWER_MODAL, async ({ ack, view, body }) => {
    const actor = { surface: "slack", userId: body.user.id, displayName: body.user.name ?? null };
    const context = parseJsonWith(changeContext, view.private_metadata);
    const values = editValues.safeParse(view.state.values);
    const t = translator(context?.locale ?? localeOf(deps, await actorEmployee(deps, actor)));
    if (!context || !values.success) return ack({ response_action: "errors", errors: { answer: t("answerChange.problems.not_found") } });
    const result = await requestAnswerEdit(deps, actor, {
      answerId: context.answerId,
      body: values.data.answer.answer_text.value ?? "",
      reason: values.data.reason?.reason_text.value ?? null,
      submissionKey: `slack:${view.id}`,
    });
    if (!result.ok) return ack({ response_action: "errors", errors: { answer: problemText(t, result.problem) } });
    await ack();
  });

  app.view(WITHDRAW_ANSWER_MODAL, async ({ ack, view, body }) => {
    const actor = { surface: "slack", userId: body.user.id, displayName: body.user.name ?? null };
    const context = parseJsonWith(changeContext, view.private_metadata);
    const locale = context?.locale ?? localeOf(deps, await actorEmployee(deps, actor));
    const t = translator(locale);
    if (!context) return ack({ response_action: "update", view: refusedModal(t("answerChange.problems.not_found"), locale) });
    const result = await requestAnswerWithdrawal(deps, actor, { answerId: context.answerId });
    if (!result.ok) return ack({ response_action: "update", view: refusedModal(problemText(t, result.problem), locale) });
    await ack();
  });
}

function problemText(t: ReturnType<typeof translator>, problem: ChangeProblem): string {
  return t(`answerChange.problems.${problem}`);
}
