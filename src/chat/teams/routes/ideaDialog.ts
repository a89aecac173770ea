// The idea status dialog: pick a status, then edit the public reply for it (the template in the customer's
// language) and submit; the same core use cases as Slack's select and modal.
import type { TFunction } from "i18next";
import { prepareIdeaStatus, setIdeaStatus, type IdeaStatusForm } from "../../../core/ideas";
import type { IdeaStatus } from "../../../core/kernel/ideaStatus";
import { IDEA_FIELD_OF_PROBLEM, ideaTemplate } from "../../shared/ideaText";
import { actorOf } from "../activity";
import { ideaChoiceDialog, ideaDialog, linkFirstDialog, message } from "../presenters/dialogs";
import { invokeResponse } from "./invokeResponse";
import type { TeamsRouteContext, Turn } from "./context";

type Place = { channelId: string; topicId: number; submissionKey: string };

/** Why the form cannot open: not linked yet (with the one click that starts linking), or no idea here. */
const notReady = (form: { status: "not_linked" | "not_found" | "not_idea"; locale: string }, t: TFunction) =>
  form.status === "not_linked" ? linkFirstDialog(form.locale) : message(t(`idea.errors.${form.status}`));

/** The card's status button: the first step, or why it cannot be set. */
export async function openIdeaDialog(ctx: TeamsRouteContext, { context, activity }: Turn, at: Place, t: TFunction): Promise<void> {
  const form = await prepareIdeaStatus(ctx.deps, actorOf(activity), at);
  if (form.status !== "ready") return invokeResponse(context, notReady(form, t));
  await invokeResponse(
    context,
    ideaChoiceDialog({ context: { topicId: at.topicId, submissionKey: at.submissionKey }, title: form.title, current: form.current, locale: form.locale }),
  );
}

/** A status chosen: the reply form for it, starting from the template. */
export async function chooseIdeaStatus(ctx: TeamsRouteContext, { context, activity }: Turn, at: Place & { status: IdeaStatus }, t: TFunction): Promise<void> {
  const form = await prepareIdeaStatus(ctx.deps, actorOf(activity), at);
  if (form.status !== "ready") return invokeResponse(context, notReady(form, t));
  const dialogContext = { topicId: at.topicId, submissionKey: at.submissionKey, status: at.status };
  await invokeResponse(
    context,
    ideaDialog({ context: dialogContext, title: form.title, text: ideaTemplate(at.status, form.language), username: form.username, locale: form.locale }),
  );
}

/** The reply submitted: queued for the community, or the form again with the problem next to its field. */
export async function submitIdeaStatus(ctx: TeamsRouteContext, { context, activity }: Turn, form: IdeaStatusForm, t: TFunction): Promise<void> {
  const actor = actorOf(activity);
  const result = await setIdeaStatus(ctx.deps, actor, { ...form, submissionKey: `teams:${form.submissionKey}` });
  if (result.ok) return invokeResponse(context, message(t("idea.sent", { username: result.postedAs })));
  const prepared = await prepareIdeaStatus(ctx.deps, actor, form);
  if (prepared.status !== "ready") return invokeResponse(context, message(t(`idea.errors.${result.problem}`)));
  await invokeResponse(
    context,
    ideaDialog({
      context: { topicId: form.topicId, submissionKey: form.submissionKey, status: form.status },
      title: prepared.title,
      text: form.body,
      reason: form.reason,
      username: prepared.username,
      locale: prepared.locale,
      consent: form.consent,
      problem: { field: IDEA_FIELD_OF_PROBLEM[result.problem], message: t(`idea.errors.${result.problem}`) },
    }),
  );
}
