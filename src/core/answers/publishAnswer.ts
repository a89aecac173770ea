// Outbox handler: publish one answer on the community as its author, exactly once.
import type { CoreDeps } from "../deps";
import { PermanentError, RetryableError } from "../kernel/errors";
import type { Answer, Employee, Question } from "../kernel/model";
import { refreshCards } from "../cards";
import { awardPoints } from "../points";
import { answerSources } from "../points";
import { pointRules } from "../points";
import { notifyEmployee, refreshHome } from "../notices";
import { replyOnce } from "./replyOnce";
import { lanes } from "../kernel/lanes";

/** Hidden in the post (an HTML comment): lets a retry after a crash find a post that did go out (see replyOnce). */
export const answerMarker = (answerId: string) => `<!-- advocate:${answerId} -->`;

/** What goes out under the employee's name: where the company asks for it, an answer written from an AI draft says so. */
export function answerText(deps: Pick<CoreDeps, "ai">, body: string, aiAssisted: boolean): string {
  const label = aiAssisted ? deps.ai?.settings.assistedLabel : null;
  return [body, label].filter(Boolean).join("\n\n");
}

export async function publishAnswer(deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings" | "ai">, answerId: string): Promise<string> {
  const answer = await deps.store.answers.byId(answerId);
  if (!answer) return "unknown answer";
  if (answer.status === "published" || answer.status === "failed") return `already ${answer.status}`;
  const question = await deps.store.questions.byId(answer.questionId);
  const employee = await deps.store.employees.byId(answer.employeeId);
  if (!question || !employee) return "unknown question or employee";
  // Unlinked since: consent withdrawn, so it fails. Forgotten since: it still goes out, as the confirmation said.
  if (employee.communityUsername !== answer.postedAs && !employee.forgottenAt) {
    await fail(deps, answer, question, employee, "not_linked");
    return "author no longer linked";
  }

  try {
    const { post, recovered } = await replyOnce(deps, {
      topicId: question.topicId,
      username: answer.postedAs,
      text: answerText(deps, answer.body, answer.aiAssisted),
      marker: answerMarker(answer.id),
      started: answer.status === "publishing",
      markStarted: () => deps.store.answers.update(answer.id, { status: "publishing" }),
    });
    await complete(deps, answer, question, employee, post);
    return recovered ? "recovered earlier post" : "published";
  } catch (error) {
    if (error instanceof PermanentError) {
      await fail(deps, answer, question, employee, error.reason ?? error.message);
      return "rejected by the community";
    }
    if (error instanceof RetryableError) await tellQueued(deps, answer, question, employee);
    throw error;
  }
}

async function complete(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  answer: Answer,
  question: Question,
  employee: Employee,
  post: { postId: number; url: string },
) {
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await tx.answers.update(answer.id, { status: "published", communityPostId: post.postId, postUrl: post.url, publishedAt: now, error: null });
    await tx.questions.update(question.id, {
      status: question.status === "closed" || question.status === "deleted" ? question.status : "answered",
      answeredBy: employee.displayName ?? employee.communityUsername,
      answeredUrl: post.url,
      firstAnsweredAt: question.firstAnsweredAt ?? now,
      claimedById: null,
      claimExpiresAt: null,
    });
    const rules = await pointRules(tx);
    // Answering again once we had answered (the customer wrote back) has a rule of its own.
    const reason = question.status === "answered" || question.status === "customer_replied" ? "follow_up_answer" : "answer_published";
    const award = {
      employeeId: employee.id,
      points: rules[reason],
      reason,
      sourceKey: `${answerSources(answer.id)}published`,
      occurredAt: now,
    };
    const points = (await awardPoints(deps, tx, rules, award)) ?? 0;
    // The echo first: its channel's lane is paced, and the answer in the thread matters more to the people
    // watching than the card's redraw, which takes the next slot.
    const card = answer.cardId ? await tx.cards.byId(answer.cardId) : null;
    if (card) {
      await tx.outbox.enqueue(
        { kind: "chat.threadReply", cardId: card.id, answerId: answer.id },
        { lane: lanes.channel(card.surface, card.channelId), dedupeKey: `thread:${answer.id}` },
      );
    }
    await refreshCards(tx, question.id);
    await notifyEmployee(
      tx,
      employee,
      { type: "answer_published", title: question.title, url: post.url, points },
      { defaultLocale: deps.settings.defaultLocale, dedupeKey: `published:${answer.id}` },
    );
    await refreshHome(tx, employee);
  });
}

async function fail(deps: Pick<CoreDeps, "store" | "settings">, answer: Answer, question: Question, employee: Employee, reason: string) {
  await deps.store.transaction(async (tx) => {
    await tx.answers.update(answer.id, { status: "failed", error: reason });
    // The employee's text comes back with the reason, so nothing they wrote is lost.
    await notifyEmployee(
      tx,
      employee,
      { type: "answer_failed", title: question.title, reason, text: answer.body },
      { defaultLocale: deps.settings.defaultLocale, dedupeKey: `failed:${answer.id}` },
    );
  });
}

async function tellQueued(deps: Pick<CoreDeps, "store" | "settings">, answer: Answer, question: Question, employee: Employee) {
  await notifyEmployee(
    deps.store,
    employee,
    { type: "answer_queued", title: question.title },
    { defaultLocale: deps.settings.defaultLocale, dedupeKey: `queued:${answer.id}` },
  );
}
