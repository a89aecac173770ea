// The author's own published answer, from its card: task/fetch opens the edit form (prefilled) or the withdrawal
// confirmation; task/submit goes through the same core use cases as Slack's modals.
import { randomUUID } from "node:crypto";
import type { TFunction } from "i18next";
import { prepareAnswerChange, requestAnswerEdit, requestAnswerWithdrawal } from "../../../core/answers";
import { actorOf } from "../activity";
import { message } from "../presenters/dialogs";
import { editAnswerDialog, withdrawAnswerDialog } from "../presenters/answerChangeDialogs";
import { invokeResponse } from "./invokeResponse";
import type { TeamsRouteContext, Turn } from "./context";

type At = { channelId: string; topicId: number };

export async function openAnswerChange(ctx: TeamsRouteContext, { context, activity }: Turn, at: At, change: "edit" | "withdraw", t: TFunction) {
  const form = await prepareAnswerChange(ctx.deps, actorOf(activity), at);
  if (form.status !== "ready") return invokeResponse(context, message(t(`answerChange.problems.${form.status}`)));
  const input = { context: { topicId: at.topicId, submissionKey: randomUUID(), answerId: form.answerId }, title: form.title, locale: form.locale };
  await invokeResponse(context, change === "edit" ? editAnswerDialog({ ...input, body: form.body }) : withdrawAnswerDialog(input));
}

export async function submitAnswerEdit(
  ctx: TeamsRouteContext,
  { context, activity }: Turn,
  form: At & { answerId: string; submissionKey: string; body: string; reason: string },
  t: TFunction,
) {
  const result = await requestAnswerEdit(ctx.deps, actorOf(activity), {
    answerId: form.answerId,
    body: form.body,
    reason: form.reason,
    submissionKey: `teams:${form.submissionKey}`,
  });
  if (result.ok) return invokeResponse(context, message(t("answerChange.sent")));
  if (result.problem !== "empty" && result.problem !== "too_long") return invokeResponse(context, message(t(`answerChange.problems.${result.problem}`)));
  // The text is the employee's: the form comes back with it, and the reason by the field.
  const found = await prepareAnswerChange(ctx.deps, actorOf(activity), form);
  const title = found.status === "ready" ? found.title : "";
  const reopened = { context: { topicId: form.topicId, submissionKey: form.submissionKey, answerId: form.answerId }, title, locale: found.locale };
  await invokeResponse(context, editAnswerDialog({ ...reopened, body: form.body, reason: form.reason, problem: t(`answerChange.problems.${result.problem}`) }));
}

export async function submitAnswerWithdrawal(ctx: TeamsRouteContext, { context, activity }: Turn, answerId: string, t: TFunction) {
  const result = await requestAnswerWithdrawal(ctx.deps, actorOf(activity), { answerId });
  await invokeResponse(context, message(result.ok ? t("answerChange.sent") : t(`answerChange.problems.${result.problem}`)));
}
