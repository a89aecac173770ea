// The answer, "not for us", idea and answer-change dialogs (task modules): task/fetch opens a form, task/submit sends it through
// the same core use cases as Slack's modals: one answer per form, published by the outbox, points once.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { draftForEdit, draftSubmissionKey, prepareAnswer, returnToDrafts } from "../../../core/answers";
import { submitAnswer } from "../../../core/answers";
import { draftRefusalText } from "../../shared/replyDraftText";
import { passOn } from "../../../core/cards";
import { findCard } from "../../../core/cards";
import { localeOf, startLink } from "../../../core/accounts";
import { normalizeLocale, translator, type SupportedLocale } from "../../../i18n";
import { FIELD_OF_PROBLEM } from "../../shared/answerFormFields";
import { actorOf, channelOf, type TeamsActivity } from "../activity";
import { DIALOG_ACTIONS } from "../presenters/questionCard";
import { answerDialog, linkFirstDialog, message, passDialog, type TaskModuleResponse } from "../presenters/dialogs";
import { errorCard } from "../presenters/errorCard";
import { attachment } from "../presenters/adaptiveCard";
import { teamsMarkup } from "../presenters/teamsMarkup";
import { invokeResponse } from "./invokeResponse";
import { draftAnswer } from "../../../core/ai";
import type { TFunction } from "i18next";
import { IDEA_STATUSES } from "../../../core/kernel/ideaStatus";
import { chooseIdeaStatus, openIdeaDialog, submitIdeaStatus } from "./ideaDialog";
import { openAnswerChange, submitAnswerEdit, submitAnswerWithdrawal } from "./answerChangeDialog";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";

const topicId = z.coerce.number().int().positive();
const fetchData = z.object({
  data: z.object({
    action: z.enum([
      DIALOG_ACTIONS.openAnswer,
      DIALOG_ACTIONS.openPass,
      DIALOG_ACTIONS.openIdea,
      DIALOG_ACTIONS.openEditAnswer,
      DIALOG_ACTIONS.openWithdrawAnswer,
    ]),
    topicId,
  }),
});
const answerId = z.string().min(1).max(64);
/** "Edit first" on a thread reply's offer (in personal chat): the draft says which card and channel. */
const editDraftData = z.object({ data: z.object({ action: z.literal(DIALOG_ACTIONS.editDraft), draftId: z.uuid() }) });
const draftId = z.uuid().optional();
const submitData = z.object({
  data: z.discriminatedUnion("action", [
    z.object({
      action: z.literal(DIALOG_ACTIONS.submitAnswer),
      topicId,
      submissionKey: z.uuid(),
      // Adaptive Card inputs come back as strings, or not at all when left empty.
      answerText: z.string().max(100_000).default(""),
      publishAsMe: z.enum(["true", "false"]).default("false"),
      aiAssisted: z.enum(["true", "false"]).default("false"),
      draftId,
    }),
    z.object({
      action: z.literal(DIALOG_ACTIONS.draftAnswer),
      topicId,
      submissionKey: z.uuid(),
      answerText: z.string().max(100_000).default(""),
      draftId,
    }),
    z.object({ action: z.literal(DIALOG_ACTIONS.submitPass), topicId, submissionKey: z.uuid(), reason: z.string().max(500).default("") }),
    z.object({ action: z.literal(DIALOG_ACTIONS.linkStart) }),
    z.object({ action: z.literal(DIALOG_ACTIONS.chooseIdeaStatus), topicId, submissionKey: z.uuid(), status: z.enum(IDEA_STATUSES) }),
    z.object({
      action: z.literal(DIALOG_ACTIONS.submitIdeaStatus),
      topicId,
      submissionKey: z.uuid(),
      status: z.enum(IDEA_STATUSES),
      replyText: z.string().max(100_000).default(""),
      reason: z.string().max(100_000).default(""),
      publishAsMe: z.enum(["true", "false"]).default("false"),
    }),
    z.object({
      action: z.literal(DIALOG_ACTIONS.submitEditAnswer),
      topicId,
      submissionKey: z.uuid(),
      answerId,
      answerText: z.string().max(100_000).default(""),
      reason: z.string().max(1000).default(""),
    }),
    z.object({ action: z.literal(DIALOG_ACTIONS.submitWithdrawAnswer), topicId, submissionKey: z.uuid(), answerId }),
  ]),
});

const draftIdOf = (data: object) => ("draftId" in data && typeof data.draftId === "string" ? data.draftId : null);

function invalid(activity: TeamsActivity, defaultLocale: SupportedLocale): TaskModuleResponse {
  const card = errorCard(normalizeLocale(activity.locale, defaultLocale));
  return { task: { type: "continue", value: { title: "Advocate", height: "small", width: "small", card: attachment(card) } } };
}

/** A dialog invoke whose value and channel check out, with the employee's language; null once answered as invalid. */
async function dialogTurn<T extends { data: object }>(ctx: TeamsRouteContext, { context, activity, remember }: Turn, schema: z.ZodType<T>) {
  const parsed = schema.safeParse(activity.value);
  // A form opened from a draft's offer (in personal chat) is about the draft's own card: its author's only.
  const draft = parsed.success ? draftIdOf(parsed.data.data) : null;
  const fromDraft = draft ? await draftForEdit(ctx.deps, actorOf(activity), draft) : null;
  const channelId = fromDraft ? (fromDraft.ok ? fromDraft.channelId : null) : channelOf(activity);
  if (!parsed.success || !channelId) {
    await invokeResponse(context, invalid(activity, ctx.deps.settings.defaultLocale));
    return null;
  }
  await remember();
  const locale = localeOf(ctx.deps, await teamsEmployee(ctx.deps, activity));
  return { value: parsed.data, channelId, locale, t: translator(locale, teamsMarkup.cmd) };
}

export async function onTaskFetch(ctx: TeamsRouteContext, turn: Turn): Promise<void> {
  const { context, activity } = turn;
  const edit = editDraftData.safeParse(activity.value);
  if (edit.success) return openDraftDialog(ctx, turn, edit.data.data.draftId);
  const read = await dialogTurn(ctx, turn, fetchData);
  if (!read) return;
  const { value, channelId, locale, t } = read;
  const context_ = { topicId: value.data.topicId, submissionKey: randomUUID() };
  const at = { channelId, topicId: context_.topicId };
  if (value.data.action === DIALOG_ACTIONS.openEditAnswer) return openAnswerChange(ctx, turn, at, "edit", t);
  if (value.data.action === DIALOG_ACTIONS.openWithdrawAnswer) return openAnswerChange(ctx, turn, at, "withdraw", t);
  if (value.data.action === DIALOG_ACTIONS.openIdea) return openIdeaDialog(ctx, turn, { ...at, submissionKey: context_.submissionKey }, t);
  if (value.data.action === DIALOG_ACTIONS.openPass) {
    const found = await findCard(ctx.deps, { surface: "teams", ...at });
    return invokeResponse(context, found ? passDialog({ context: context_, title: found.question.title, locale }) : message(t("claim.not_found")));
  }
  const form = await prepareAnswer(ctx.deps, actorOf(activity), at);
  if (form.status === "not_linked") return invokeResponse(context, linkFirstDialog(locale));
  if (form.status !== "ready") return invokeResponse(context, message(t(`claim.${form.status}`)));
  await invokeResponse(
    context,
    answerDialog({ context: context_, title: form.title, excerpt: form.excerpt, username: form.username, locale, canDraft: form.canDraft }),
  );
}

export async function onTaskSubmit(ctx: TeamsRouteContext, turn: Turn): Promise<void> {
  const { context, activity } = turn;
  const read = await dialogTurn(ctx, turn, submitData);
  if (!read) return;
  const { value, channelId, locale, t } = read;
  const data = value.data;
  const actor = actorOf(activity);
  if (data.action === DIALOG_ACTIONS.linkStart) return invokeResponse(context, message(await linkFromDialog(ctx, actor, t)));
  const at = { channelId, topicId: data.topicId };
  if (data.action === DIALOG_ACTIONS.chooseIdeaStatus) return chooseIdeaStatus(ctx, turn, { ...at, submissionKey: data.submissionKey, status: data.status }, t);
  if (data.action === DIALOG_ACTIONS.submitIdeaStatus) {
    const form = {
      ...at,
      status: data.status,
      body: data.replyText,
      reason: data.reason,
      consent: data.publishAsMe === "true",
      submissionKey: data.submissionKey,
    };
    return submitIdeaStatus(ctx, turn, form, t);
  }
  if (data.action === DIALOG_ACTIONS.submitEditAnswer) {
    return submitAnswerEdit(ctx, turn, { ...at, answerId: data.answerId, submissionKey: data.submissionKey, body: data.answerText, reason: data.reason }, t);
  }
  if (data.action === DIALOG_ACTIONS.submitWithdrawAnswer) return submitAnswerWithdrawal(ctx, turn, data.answerId, t);
  if (data.action === DIALOG_ACTIONS.submitPass) {
    const reason = data.reason.trim();
    if (!reason) return invokeResponse(context, await reopenPass(ctx, at, data.submissionKey, locale, t("passModal.errors.empty")));
    const result = await passOn(ctx.deps, actor, at, reason);
    return invokeResponse(context, message(result.ok ? t("teams.passed") : t(`claim.${result.reason}`)));
  }
  if (data.action === DIALOG_ACTIONS.draftAnswer) return invokeResponse(context, await draftDialog(ctx, actor, at, data, t));
  const consent = data.publishAsMe === "true";
  // A double submit of one form carries one submission key: one answer, one post.
  const result = await submitAnswer(ctx.deps, actor, {
    ...at,
    body: data.answerText,
    consent,
    submissionKey: data.draftId ? draftSubmissionKey(data.draftId) : `teams:${data.submissionKey}`,
    aiAssisted: data.aiAssisted === "true",
  });
  if (result.ok) return invokeResponse(context, message(t("teams.answerSent", { username: result.answer.postedAs })));
  const form = await prepareAnswer(ctx.deps, actor, at);
  if (form.status !== "ready") return invokeResponse(context, message(t(`answerModal.errors.${result.problem}`)));
  await invokeResponse(
    context,
    answerDialog({
      context: { topicId: data.topicId, submissionKey: data.submissionKey, ...(data.draftId ? { draftId: data.draftId } : {}) },
      title: form.title,
      excerpt: form.excerpt,
      username: form.username,
      locale,
      text: data.answerText,
      consent,
      problem: { field: FIELD_OF_PROBLEM[result.problem], message: t(`answerModal.errors.${result.problem}`) },
      canDraft: form.canDraft,
      aiAssisted: data.aiAssisted === "true",
    }),
  );
}

/** "Draft with AI": the answer dialog again, with the draft in it (or the employee's own text and why there is none). */
async function draftDialog(
  ctx: TeamsRouteContext,
  actor: ReturnType<typeof actorOf>,
  at: { channelId: string; topicId: number },
  data: { submissionKey: string; answerText: string; draftId?: string | undefined },
  t: TFunction,
): Promise<TaskModuleResponse> {
  const form = await prepareAnswer(ctx.deps, actor, at);
  if (form.status !== "ready") return message(t(form.status === "not_linked" ? "answerModal.notLinked" : `claim.${form.status}`));
  const result = await draftAnswer(ctx.deps, form.question);
  const base = {
    context: { topicId: at.topicId, submissionKey: data.submissionKey, ...(data.draftId ? { draftId: data.draftId } : {}) },
    title: form.title,
    excerpt: form.excerpt,
    username: form.username,
    locale: form.locale,
    canDraft: form.canDraft,
  };
  return result.ok
    ? answerDialog({ ...base, text: result.draft, aiAssisted: true, sources: result.sources })
    : answerDialog({ ...base, text: data.answerText, note: t(`draft.failed.${result.reason}`) });
}

async function reopenPass(
  ctx: TeamsRouteContext,
  at: { channelId: string; topicId: number },
  submissionKey: string,
  locale: string,
  problem: string,
): Promise<TaskModuleResponse> {
  const found = await findCard(ctx.deps, { surface: "teams", ...at });
  return found ? passDialog({ context: { topicId: at.topicId, submissionKey }, title: found.question.title, locale, problem }) : message(problem);
}

/** "Edit first": the answer dialog with the reply's text in it; its submit is the draft's one answer. */
async function openDraftDialog(ctx: TeamsRouteContext, { context, activity, remember }: Turn, draftId: string): Promise<void> {
  await remember();
  const actor = actorOf(activity);
  const found = await draftForEdit(ctx.deps, actor, draftId);
  if (!found.ok) return invokeResponse(context, message(draftRefusalText(found.problem, found.locale, teamsMarkup)));
  const { form } = found;
  await invokeResponse(
    context,
    answerDialog({
      context: { topicId: found.topicId, submissionKey: randomUUID(), draftId },
      title: form.title,
      excerpt: form.excerpt,
      username: form.username,
      locale: form.locale,
      canDraft: form.canDraft,
      text: found.draft.body,
    }),
  );
}

/** "Link my community account" in the dialog: the usual consent flow (already linked, waiting drafts come back). */
async function linkFromDialog(ctx: TeamsRouteContext, actor: ReturnType<typeof actorOf>, t: TFunction): Promise<string> {
  const started = await startLink(ctx.deps, actor);
  if (started.status === "looking_up") return t("link.lookingUp");
  await returnToDrafts(ctx.deps, actor);
  return t("link.already", { username: started.username });
}
