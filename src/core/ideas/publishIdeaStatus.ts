// Outbox handler: an idea status goes public as the employee's own reply and as the topic's tag, exactly once.
// Only then does the idea's status change here (and the points come); a refusal changes nothing but tells them.
import type { CoreDeps } from "../deps";
import { PermanentError } from "../kernel/errors";
import type { Employee, IdeaUpdate, Question } from "../kernel/model";
import { refreshCards } from "../cards";
import { awardPoints } from "../points";
import { pointRules } from "../points";
import { notifyEmployee, refreshHome } from "../notices";
import { isIdeaStatus, withStatusTag } from "../kernel/ideaStatus";
import { replyOnce } from "../answers";

/** Hidden in the reply (an HTML comment): lets a retry after a crash find a reply that did go out (see replyOnce). */
export const ideaMarker = (updateId: string) => `<!-- advocate-idea:${updateId} -->`;

type Post = { postId: number; url: string };

export async function publishIdeaStatus(deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings">, updateId: string): Promise<string> {
  const update = await deps.store.ideas.byId(updateId);
  if (!update) return "unknown idea update";
  if (update.state === "published" || update.state === "failed") return `already ${update.state}`;
  const question = await deps.store.questions.byId(update.questionId);
  const employee = await deps.store.employees.byId(update.employeeId);
  if (!question || !employee || !isIdeaStatus(update.status)) return "unknown question, employee or status";
  if (employee.communityUsername !== update.postedAs) {
    await fail(deps, update, question, employee, "not_linked");
    return "author no longer linked";
  }

  let post: Post | null = update.communityPostId && update.postUrl ? { postId: update.communityPostId, url: update.postUrl } : null;
  if (!post) {
    try {
      ({ post } = await replyOnce(deps, {
        topicId: question.topicId,
        username: update.postedAs,
        text: update.reason ? `${update.body}\n\n${update.reason}` : update.body,
        marker: ideaMarker(update.id),
        started: update.state === "publishing",
        markStarted: () => deps.store.ideas.update(update.id, { state: "publishing" }),
      }));
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      await fail(deps, update, question, employee, error.reason ?? error.message);
      return "reply rejected by the community";
    }
    await deps.store.ideas.update(update.id, { communityPostId: post.postId, postUrl: post.url });
  }

  // The tag is topic metadata, set by Advocate's own API user; the public words are the employee's reply.
  let tagProblem: string | null = null;
  try {
    const topic = await deps.community.getTopic(question.topicId);
    await deps.community.setTopicTags({ topicId: question.topicId, tags: withStatusTag(topic?.tags ?? question.tags, update.status) });
  } catch (error) {
    if (!(error instanceof PermanentError)) throw error;
    // The reply already says the status in public: the loop is closed, only the tag is missing (kept in `error`).
    tagProblem = error.reason ?? error.message;
  }
  await complete(deps, update, question, employee, post, tagProblem);
  return tagProblem ? "published without its tag" : "published";
}

async function complete(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  update: IdeaUpdate,
  question: Question,
  employee: Employee,
  post: Post,
  tagProblem: string | null,
) {
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await tx.ideas.update(update.id, { state: "published", publishedAt: now, error: tagProblem });
    await tx.questions.update(question.id, {
      ideaStatus: update.status,
      ideaStatusBy: employee.displayName ?? employee.communityUsername,
      ideaStatusAt: now,
      // The customer heard back: that keeps a response promise too.
      firstAnsweredAt: question.firstAnsweredAt ?? now,
    });
    const rules = await pointRules(tx);
    // Closing the loop pays once per idea and status, however often it is set.
    const award = {
      employeeId: employee.id,
      points: rules.idea_status,
      reason: `idea_status:${update.status}`,
      sourceKey: `idea:${question.id}:${update.status}`,
      occurredAt: now,
    };
    const points = (await awardPoints(deps, tx, rules, award)) ?? 0;
    await refreshCards(tx, question.id);
    await notifyEmployee(
      tx,
      employee,
      { type: "idea_status_published", title: question.title, url: post.url, status: update.status, points, tagProblem },
      { defaultLocale: deps.settings.defaultLocale, dedupeKey: `idea-published:${update.id}` },
    );
    await refreshHome(tx, employee);
  });
}

async function fail(deps: Pick<CoreDeps, "store" | "settings">, update: IdeaUpdate, question: Question, employee: Employee, reason: string) {
  await deps.store.transaction(async (tx) => {
    await tx.ideas.update(update.id, { state: "failed", error: reason });
    // The employee's words come back with the reason; the idea keeps the status it had.
    await notifyEmployee(
      tx,
      employee,
      { type: "idea_status_failed", title: question.title, reason, text: update.body },
      { defaultLocale: deps.settings.defaultLocale, dedupeKey: `idea-failed:${update.id}` },
    );
  });
}
