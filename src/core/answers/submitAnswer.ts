// An employee submits an answer from chat: stored and queued for publishing under their own community name.
import type { CoreDeps } from "../deps";
import type { Answer, QuestionStatus } from "../kernel/model";
import { actorEmployee } from "../accounts";
import { findCard } from "../cards";
import { notifyEmployee } from "../notices";
import type { Actor } from "../kernel/commandContext";
import type { SUBMIT_PROBLEMS } from "../ports/views/notice";
import { lanes } from "../kernel/lanes";
import { closeDraftOf, isDraftKey } from "./draftKey";
import { keepFormText } from "./keepFormText";

/** Discourse's default max_post_length; the community enforces its own minimum and we relay its message. */
export const MAX_ANSWER_LENGTH = 32000;

/** A question can take an answer while open, and after someone else answered (a second view helps). */
export const ANSWERABLE: QuestionStatus[] = ["open", "answered_elsewhere", "answered", "customer_replied"];

export type SubmitProblem = (typeof SUBMIT_PROBLEMS)[number];
export type SubmitResult = { ok: true; answer: Answer; duplicate: boolean } | { ok: false; problem: SubmitProblem };

export function checkAnswerText(body: string): SubmitProblem | null {
  const text = body.trim();
  if (!text) return "empty";
  if (text.length > MAX_ANSWER_LENGTH) return "too_long";
  return null;
}

export async function submitAnswer(
  deps: Pick<CoreDeps, "store" | "community">,
  actor: Actor,
  input: { channelId: string; topicId: number; body: string; consent: boolean; submissionKey: string; aiAssisted?: boolean },
): Promise<SubmitResult> {
  const textProblem = checkAnswerText(input.body);
  if (textProblem) return { ok: false, problem: textProblem };
  if (!input.consent) return { ok: false, problem: "no_consent" };
  const employee = await actorEmployee(deps, actor);
  const earlier = await deps.store.answers.bySubmissionKey(input.submissionKey);
  // A resubmitted form is the same answer; someone else's form (a replayed or forged view id) is nobody's.
  if (earlier) return earlier.employeeId === employee.id ? { ok: true, answer: earlier, duplicate: true } : { ok: false, problem: "not_found" };
  // The community account is always the submitter's own, never one chosen in the request.
  if (!employee.communityUsername) return { ok: false, problem: "not_linked" };
  const found = await findCard(deps, { surface: actor.surface, channelId: input.channelId, topicId: input.topicId });
  if (!found) return { ok: false, problem: "not_found" };
  if (!ANSWERABLE.includes(found.question.status)) return { ok: false, problem: "not_open" };
  const username = employee.communityUsername;
  return deps.store.transaction(async (tx) => {
    const answer = await tx.answers.create({
      questionId: found.question.id,
      employeeId: employee.id,
      cardId: found.card.id,
      submissionKey: input.submissionKey,
      body: input.body.trim(),
      postedAs: username,
      aiAssisted: input.aiAssisted ?? false,
    });
    await closeDraftOf(tx, input.submissionKey);
    await tx.outbox.enqueue(
      { kind: "community.publishAnswer", answerId: answer.id },
      { lane: lanes.community(deps.community.name), dedupeKey: `publish:${answer.id}` },
    );
    return { ok: true, answer, duplicate: false } as const;
  });
}

export type AnswerForm = Parameters<typeof submitAnswer>[2];

/**
 * Where the chat must be acknowledged at once (Slack: 3 seconds, under any load), the form is only stored, in one
 * insert, before the ack; it is checked and turned into an answer afterwards by the outbox, so a crash loses
 * nothing and a resubmitted form is the same one (its submission key).
 */
export async function receiveAnswer(deps: Pick<CoreDeps, "store">, actor: Actor, form: AnswerForm): Promise<void> {
  await deps.store.outbox.enqueue(
    {
      kind: "answer.received",
      actor: { surface: actor.surface, userId: actor.userId, displayName: actor.displayName ?? null },
      form: { ...form, aiAssisted: form.aiAssisted ?? false },
    },
    { lane: lanes.answers(), dedupeKey: `received:${actor.surface}:${actor.userId}:${form.submissionKey}` },
  );
}

/** The stored form, checked: an answer queued for publishing, or a direct message with the reason and the text. */
export async function processReceivedAnswer(deps: Pick<CoreDeps, "store" | "community" | "settings">, actor: Actor, form: AnswerForm): Promise<string> {
  const result = await submitAnswer(deps, actor, form);
  if (result.ok) return result.duplicate ? "answer already received" : "answer queued";
  const employee = await actorEmployee(deps, actor);
  // Not linked yet: the text waits as a draft, and linking brings it back (the notice carries the link button).
  if (result.problem === "not_linked" && !isDraftKey(form.submissionKey)) await keepFormText(deps, actor, form);
  await notifyEmployee(
    deps.store,
    employee,
    { type: "answer_refused", problem: result.problem, text: form.body },
    { defaultLocale: deps.settings.defaultLocale, dedupeKey: `refused:${actor.surface}:${actor.userId}:${form.submissionKey}` },
  );
  return `answer refused: ${result.problem}`;
}
