// An employee sets an idea's status from chat: stored and queued, to be published as their own reply on the topic.
import type { CoreDeps } from "../deps";
import { actorEmployee } from "../accounts";
import { findCard } from "../cards";
import { linkedCard } from "../cards";
import type { Question } from "../kernel/model";
import { MAX_ANSWER_LENGTH } from "../answers";
import { needsReason, type IdeaProblem, type IdeaStatus } from "../kernel/ideaStatus";
import { notifyEmployee } from "../notices";
import type { Actor } from "../kernel/commandContext";
import { lanes } from "../kernel/lanes";

export type { IdeaProblem } from "../kernel/ideaStatus";

export interface IdeaStatusForm {
  channelId: string;
  topicId: number;
  status: IdeaStatus;
  /** The public reply as the employee left it (from the localised template). */
  body: string;
  reason: string;
  consent: boolean;
  submissionKey: string;
}

/** What the form alone can tell, so every surface shows it next to the field before anything is stored. */
export function checkIdeaForm(form: Pick<IdeaStatusForm, "status" | "body" | "reason" | "consent">): IdeaProblem | null {
  const text = form.body.trim();
  if (!text) return "empty";
  if (text.length + form.reason.length > MAX_ANSWER_LENGTH) return "too_long";
  if (needsReason(form.status) && !form.reason.trim()) return "no_reason";
  if (!form.consent) return "no_consent";
  return null;
}

export type IdeaFormContext =
  | { status: "ready"; username: string; title: string; current: string | null; language: string; locale: string }
  | { status: "not_linked" | "not_found" | "not_idea"; locale: string };

/** Before the status form opens: is this person linked, and is this card an idea? */
export async function prepareIdeaStatus(
  deps: Pick<CoreDeps, "store" | "community" | "settings">,
  actor: Actor,
  at: { channelId: string; topicId: number },
): Promise<IdeaFormContext> {
  const found = await linkedCard(deps, actor, at);
  if (!found.ok) return { status: found.status, locale: found.locale };
  const { question, locale } = found;
  if (!isOpenIdea(question)) return { status: "not_idea", locale };
  // The public reply is written in the customer's language, whatever the employee's own.
  const language = question.language ?? deps.settings.defaultLocale;
  return { status: "ready", username: found.username, title: question.title, current: question.ideaStatus, language, locale };
}

/** An idea whose topic is still there to reply on. */
function isOpenIdea(question: Question): boolean {
  return question.kind === "idea" && question.status !== "deleted";
}

export async function setIdeaStatus(
  deps: Pick<CoreDeps, "store" | "community">,
  actor: Actor,
  form: IdeaStatusForm,
): Promise<{ ok: true; duplicate: boolean; postedAs: string } | { ok: false; problem: IdeaProblem }> {
  const formProblem = checkIdeaForm(form);
  if (formProblem) return { ok: false, problem: formProblem };
  const employee = await actorEmployee(deps, actor);
  const earlier = await deps.store.ideas.bySubmissionKey(form.submissionKey);
  // A resubmitted form is the same update; someone else's form key is nobody's.
  if (earlier) return earlier.employeeId === employee.id ? { ok: true, duplicate: true, postedAs: earlier.postedAs } : { ok: false, problem: "not_found" };
  if (!employee.communityUsername) return { ok: false, problem: "not_linked" };
  const found = await findCard(deps, { surface: actor.surface, channelId: form.channelId, topicId: form.topicId });
  if (!found) return { ok: false, problem: "not_found" };
  if (!isOpenIdea(found.question)) return { ok: false, problem: "not_idea" };
  const postedAs = employee.communityUsername;
  await deps.store.transaction(async (tx) => {
    const update = await tx.ideas.create({
      questionId: found.question.id,
      employeeId: employee.id,
      status: form.status,
      body: form.body.trim(),
      reason: needsReason(form.status) ? form.reason.trim() : null,
      submissionKey: form.submissionKey,
      postedAs,
    });
    await tx.outbox.enqueue(
      { kind: "community.ideaStatus", updateId: update.id },
      { lane: lanes.community(deps.community.name), dedupeKey: `idea:${update.id}` },
    );
  });
  return { ok: true, duplicate: false, postedAs };
}

/**
 * Where the chat must be acknowledged at once (Slack), the form is only stored, in one insert, before the ack; it
 * is checked and queued afterwards by the outbox, like an answer form (see receiveAnswer).
 */
export async function receiveIdeaStatus(deps: Pick<CoreDeps, "store">, actor: Actor, form: IdeaStatusForm): Promise<void> {
  await deps.store.outbox.enqueue(
    { kind: "idea.received", actor: { surface: actor.surface, userId: actor.userId, displayName: actor.displayName ?? null }, form },
    { lane: lanes.answers(), dedupeKey: `received-idea:${actor.surface}:${actor.userId}:${form.submissionKey}` },
  );
}

/** The stored form, checked: an update queued for the community, or a direct message with the reason and the text. */
export async function processReceivedIdeaStatus(deps: Pick<CoreDeps, "store" | "community" | "settings">, actor: Actor, form: IdeaStatusForm): Promise<string> {
  const result = await setIdeaStatus(deps, actor, form);
  if (result.ok) return result.duplicate ? "idea status already received" : "idea status queued";
  const employee = await actorEmployee(deps, actor);
  await notifyEmployee(
    deps.store,
    employee,
    { type: "idea_status_refused", problem: result.problem, text: form.body },
    { defaultLocale: deps.settings.defaultLocale, dedupeKey: `refused-idea:${actor.surface}:${actor.userId}:${form.submissionKey}` },
  );
  return `idea status refused: ${result.problem}`;
}
