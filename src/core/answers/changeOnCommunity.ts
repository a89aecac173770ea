// Outbox handlers: an author's edit or withdrawal of their published answer, made on the community as that
// author. A PUT of the same text twice changes nothing more, and a DELETE retried after a lost response finds the
// post gone: either way it applies once. What the community refuses comes back to the author with its reason and
// their text, and nothing changes here.
import type { CoreDeps } from "../deps";
import type { Answer, Employee } from "../kernel/model";
import { PermanentError } from "../kernel/errors";
import { lanes } from "../kernel/lanes";
import { refreshCards } from "../cards";
import { revokeAnswer } from "../points";
import { notifyEmployee } from "../notices";
import { answerMarker, answerText } from "./publishAnswer";
import type { CoreRepos } from "../deps";

type Change = "edit" | "withdraw";

export async function applyAnswerEdit(
  deps: Pick<CoreDeps, "store" | "community" | "settings" | "ai">,
  job: { answerId: string; body: string; reason: string | null; key: string },
): Promise<string> {
  const found = await changeable(deps, job.answerId);
  if (typeof found === "string") return found;
  const { answer, employee, postId, title } = found;
  if (employee.communityUsername !== answer.postedAs) return refused(deps, "edit", found, "not_linked", job.body, job.key);
  try {
    const raw = `${answerText(deps, job.body, answer.aiAssisted)}\n\n${answerMarker(answer.id)}`;
    await deps.community.editPost({ postId, raw, reason: job.reason, asUsername: answer.postedAs });
  } catch (error) {
    if (error instanceof PermanentError) return refused(deps, "edit", { answer, employee, title }, error.reason ?? error.message, job.body, job.key);
    throw error;
  }
  await deps.store.transaction(async (tx) => {
    await tx.answers.update(answer.id, { body: job.body });
    await redrawEchoLater(tx, answer, `edit:${job.key}`);
  });
  return "edited";
}

export async function applyAnswerWithdrawal(deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings">, answerId: string): Promise<string> {
  const found = await changeable(deps, answerId);
  if (typeof found === "string") return found;
  const { answer, employee, postId } = found;
  if (employee.communityUsername !== answer.postedAs) return refused(deps, "withdraw", found, "not_linked", answer.body, "withdraw");
  try {
    await deps.community.deletePost({ postId, asUsername: answer.postedAs });
  } catch (error) {
    if (error instanceof PermanentError) return refused(deps, "withdraw", found, error.reason ?? error.message, answer.body, "withdraw");
    throw error;
  }
  return deps.store.transaction(async (tx) => {
    // The same revocation as the post_destroyed webhook's, under the same source key: whichever comes first pays it back.
    const outcome = await revokeAnswer(deps, tx, postId);
    const question = await tx.questions.byId(answer.questionId);
    if (question?.status === "answered" && question.answeredUrl === answer.postUrl) {
      await tx.questions.update(question.id, { status: "open", answeredBy: null, answeredUrl: null });
    }
    await refreshCards(tx, answer.questionId);
    await redrawEchoLater(tx, answer, "withdraw");
    return `withdrawn (${outcome})`;
  });
}

async function changeable(deps: Pick<CoreDeps, "store">, answerId: string) {
  const answer = await deps.store.answers.byId(answerId);
  if (!answer || answer.status !== "published" || answer.communityPostId === null) return "nothing to change";
  if (answer.deletedAt) return "already withdrawn";
  const employee = await deps.store.employees.byId(answer.employeeId);
  const question = await deps.store.questions.byId(answer.questionId);
  if (!employee || !question) return "unknown employee or question";
  return { answer, employee, postId: answer.communityPostId, title: question.title };
}

async function refused(
  deps: Pick<CoreDeps, "store" | "settings">,
  change: Change,
  found: { answer: Answer; employee: Employee; title: string },
  reason: string,
  text: string,
  key: string,
): Promise<string> {
  await notifyEmployee(
    deps.store,
    found.employee,
    { type: "answer_change_failed", change, title: found.title, reason, text },
    { defaultLocale: deps.settings.defaultLocale, dedupeKey: `change-failed:${found.answer.id}:${key}` },
  );
  return `${change} refused by the community: ${reason}`;
}

/** Queues a redraw of the answer's echo in its card's thread, once per change. */
export async function redrawEchoLater(tx: Pick<CoreRepos, "outbox" | "cards">, answer: Answer, change: string): Promise<void> {
  const card = answer.cardId ? await tx.cards.byId(answer.cardId) : null;
  if (!card) return;
  await tx.outbox.enqueue(
    { kind: "chat.threadReplyUpdate", cardId: card.id, answerId: answer.id },
    { lane: lanes.channel(card.surface, card.channelId), dedupeKey: `echo:${answer.id}:${change}` },
  );
}
