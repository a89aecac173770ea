// The author of a published answer corrects or withdraws it from chat. The form is opened for the presser's own
// answer; what comes back names an answer, which only its author may change: anyone else (a forged or replayed
// form) is refused, and every request, allowed or not, is audited. The change itself reaches the community through
// the paced community lane of the outbox, once per form (changeOnCommunity).
import type { CoreDeps } from "../deps";
import type { Actor } from "../kernel/commandContext";
import { actorEmployee, localeOf } from "../accounts";
import { findCard } from "../cards";
import { lanes } from "../kernel/lanes";
import { checkAnswerText } from "./submitAnswer";

export type ChangeForm =
  { status: "ready"; answerId: string; body: string; title: string; locale: string } | { status: "no_answer" | "not_found"; locale: string };

/** Before the edit or withdraw form opens: the presser's own published answer on the card's question. */
export async function prepareAnswerChange(
  deps: Pick<CoreDeps, "store" | "community" | "settings">,
  actor: Actor,
  at: { channelId: string; topicId: number },
): Promise<ChangeForm> {
  const employee = await actorEmployee(deps, actor);
  const locale = localeOf(deps, employee);
  const found = await findCard(deps, { surface: actor.surface, ...at });
  if (!found) return { status: "not_found", locale };
  const [answer] = await deps.store.answers.publishedBy(found.question.id, employee.id);
  if (!answer) return { status: "no_answer", locale };
  return { status: "ready", answerId: answer.id, body: answer.body, title: found.question.title, locale };
}

export const CHANGE_PROBLEMS = ["empty", "too_long", "not_yours", "not_published"] as const;
export type ChangeProblem = (typeof CHANGE_PROBLEMS)[number];
export type ChangeResult = { ok: true } | { ok: false; problem: ChangeProblem };

export async function requestAnswerEdit(
  deps: Pick<CoreDeps, "store" | "community" | "clock">,
  actor: Actor,
  input: { answerId: string; body: string; reason: string | null; submissionKey: string },
): Promise<ChangeResult> {
  const textProblem = checkAnswerText(input.body);
  if (textProblem === "empty" || textProblem === "too_long") return { ok: false, problem: textProblem };
  return change(deps, actor, input.answerId, "edit", (answer) => ({
    job: { kind: "community.editAnswer", answerId: answer.id, body: input.body.trim(), reason: input.reason?.trim() || null, key: input.submissionKey },
    dedupeKey: `edit:${answer.id}:${input.submissionKey}`,
  }));
}

export async function requestAnswerWithdrawal(
  deps: Pick<CoreDeps, "store" | "community" | "clock">,
  actor: Actor,
  input: { answerId: string },
): Promise<ChangeResult> {
  // An answer is withdrawn once, however often the confirmation is submitted.
  return change(deps, actor, input.answerId, "withdraw", (answer) => ({
    job: { kind: "community.withdrawAnswer", answerId: answer.id },
    dedupeKey: `withdraw:${answer.id}`,
  }));
}

async function change(
  deps: Pick<CoreDeps, "store" | "community" | "clock">,
  actor: Actor,
  answerId: string,
  kind: "edit" | "withdraw",
  work: (answer: { id: string }) => { job: Parameters<CoreDeps["store"]["outbox"]["enqueue"]>[0]; dedupeKey: string },
): Promise<ChangeResult> {
  const employee = await actorEmployee(deps, actor);
  const answer = await deps.store.answers.byId(answerId);
  const theirs = answer !== null && answer.employeeId === employee.id;
  return deps.store.transaction(async (tx) => {
    await tx.answers.auditChange({ answerId, surface: actor.surface, userId: actor.userId, change: kind, allowed: theirs, at: deps.clock.now() });
    if (!answer || !theirs) return { ok: false, problem: "not_yours" } as const;
    if (answer.status !== "published" || answer.deletedAt || answer.communityPostId === null) return { ok: false, problem: "not_published" } as const;
    const { job, dedupeKey } = work(answer);
    await tx.outbox.enqueue(job, { lane: lanes.community(deps.community.name), dedupeKey });
    return { ok: true } as const;
  });
}
