// A community event, already verified and stored, changes what we know about a question, or an answer's points.
import type { CoreDeps } from "../deps";
import type { CommunityEvent, PostFacts, TopicFacts } from "../kernel/events";
import type { CoreRepos } from "../deps";
import type { Question, QuestionStatus } from "../kernel/model";
import { refreshCards } from "../cards";
import { awardSolution, revokeSolution } from "../points";
import { awardLike } from "../points";
import { revokeAnswer } from "../points";
import { answerEditedOnCommunity } from "../answers";
import { communityTruth } from "./communityTruth";
import { lanes } from "../kernel/lanes";
import { excerpt } from "../kernel/plainText";
import { surfaceOf } from "../notices";

export async function ingestCommunityEvent(
  deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings" | "ai">,
  inboundId: string,
  hint: CommunityEvent,
): Promise<void> {
  // Asked before the transaction: no database transaction waits on the community's API.
  const event = await communityTruth(deps.community, deps.store, hint);
  await deps.store.transaction(async (tx) => {
    const outcome = await apply(deps, tx, event);
    await tx.inbound.markProcessed(inboundId, event.type === hint.type || event.type === "ignored" ? outcome : `${outcome} (the community says ${event.type})`);
  });
}

async function apply(deps: Pick<CoreDeps, "community" | "clock" | "settings" | "ai">, tx: CoreRepos, event: CommunityEvent): Promise<string> {
  const community = deps.community.name;
  switch (event.type) {
    case "ignored":
      return `ignored: ${event.reason}`;
    case "topic.opened": {
      const { topic } = event;
      if (isIgnoredAuthor(deps, topic.authorUsername)) return "ignored: author";
      const question = await tx.questions.upsert(community, topic.topicId, {
        title: topic.title,
        url: topic.url,
        postedAt: topic.postedAt,
        categoryId: topic.categoryId,
        tags: topic.tags,
        hasTopicFacts: true,
        authorUsername: topic.authorUsername,
        authorName: topic.authorName,
        ...(topic.categorySlug ? { categorySlug: topic.categorySlug } : {}),
      });
      await scheduleRouting(deps, tx, question);
      return "topic stored";
    }
    case "post.created":
      return event.post.postNumber === 1 ? firstPost(deps, tx, event.post) : reply(deps, tx, event.post);
    case "post.edited": {
      if (event.post.postNumber !== 1) return (await answerEditedOnCommunity(deps, tx, event.post.postId, event.post.text)) ?? "ignored: reply edited";
      const question = await tx.questions.byTopic(community, event.post.topicId);
      if (!question) return "ignored: unknown topic";
      await tx.questions.update(question.id, { bodyText: event.post.text, ...(event.post.topicTitle ? { title: event.post.topicTitle } : {}) });
      await refreshCards(tx, question.id);
      // The first post's webhook names the topic's category too: a new one may mean the topic was moved.
      if (event.post.categoryId !== null && event.post.categoryId !== question.categoryId) {
        await scheduleReroute(deps, tx, question.id);
        return "question edited; category changed, rerouting";
      }
      return "question edited";
    }
    case "topic.edited": {
      const question = await tx.questions.byTopic(community, event.topic.topicId);
      if (!question) return "ignored: unknown topic";
      if (!topicMayHaveMoved(question, event.topic)) return "no change";
      await scheduleReroute(deps, tx, question.id);
      return "rerouting";
    }
    case "topic.closed":
      return setStatus(deps, tx, event.topicId, (q) => (q.status === "deleted" ? null : "closed"));
    case "topic.reopened":
      return setStatus(deps, tx, event.topicId, (q) => (q.status !== "closed" && q.status !== "deleted" ? null : q.answeredBy ? "answered" : "open"));
    case "topic.deleted":
      return setStatus(deps, tx, event.topicId, () => "deleted");
    case "solution.accepted":
      return awardSolution(deps, tx, event.postId);
    case "solution.unaccepted":
      return revokeSolution(deps, tx, event.postId);
    case "post.liked":
      return awardLike(deps, tx, event.postId, event.likedBy);
    case "post.deleted":
      return revokeAnswer(deps, tx, event.postId);
  }
}

function isIgnoredAuthor(deps: Pick<CoreDeps, "settings">, username: string | null): boolean {
  return !!username && deps.settings.ignoredUsernames.includes(username.toLowerCase());
}

/**
 * A new question is routed once both of its webhooks (topic and first post) are in; the first to arrive asks for
 * routing a little later (ROUTE_DELAY_MS) in case the other never comes, and the second brings that forward.
 */
async function scheduleRouting(deps: Pick<CoreDeps, "settings">, tx: CoreRepos, question: Question): Promise<void> {
  if (question.status !== "pending") return;
  const complete = question.bodyText !== null && question.hasTopicFacts;
  await tx.outbox.enqueue(
    { kind: "question.route", questionId: question.id },
    { lane: lanes.route(question.id), dedupeKey: `route:${question.id}`, delayMs: complete ? 0 : deps.settings.routeDelayMs, expedite: complete },
  );
}

/** Whether a topic's facts (from a hint) differ from what we know in what routing or the card uses. */
function topicMayHaveMoved(question: Question, topic: TopicFacts): boolean {
  const tags = (list: string[]) => [...list].sort().join(",");
  return question.categoryId !== topic.categoryId || tags(question.tags) !== tags(topic.tags) || question.title !== topic.title;
}

/** Rerouting asks the community what the topic is now: one check waiting at a time is enough, however many hints came. */
async function scheduleReroute(deps: Pick<CoreDeps, "community">, tx: CoreRepos, questionId: string): Promise<void> {
  await tx.outbox.enqueue({ kind: "question.reroute", questionId }, { lane: lanes.community(deps.community.name), coalesce: true });
}

async function firstPost(deps: Pick<CoreDeps, "community" | "settings">, tx: CoreRepos, post: PostFacts): Promise<string> {
  if (isIgnoredAuthor(deps, post.authorUsername)) return "ignored: author";
  const question = await tx.questions.upsert(deps.community.name, post.topicId, {
    url: post.topicUrl,
    postedAt: post.postedAt,
    bodyText: post.text,
    authorUsername: post.authorUsername,
    authorName: post.authorName,
    ...(post.topicTitle ? { title: post.topicTitle } : {}),
    ...(post.categorySlug ? { categorySlug: post.categorySlug } : {}),
    ...(post.categoryId !== null ? { categoryId: post.categoryId } : {}),
  });
  await scheduleRouting(deps, tx, question);
  return "first post stored";
}

/** A reply on the community: ours (published through Advocate), the customer's own, or someone else's answer. */
async function reply(deps: Pick<CoreDeps, "community" | "clock" | "settings">, tx: CoreRepos, post: PostFacts): Promise<string> {
  const question = await tx.questions.byTopic(deps.community.name, post.topicId);
  if (!question) return "ignored: unknown topic";
  if (await tx.answers.byCommunityPost(post.postId)) return "ignored: our own answer";
  if ((await tx.answers.inFlightFor(question.id, post.authorUsername)).length) return "ignored: our own answer";
  if (await tx.ideas.isOurs(question.id, post.postId, post.authorUsername)) return "ignored: our own idea status";
  if (isIgnoredAuthor(deps, post.authorUsername)) return "ignored: author";
  const colleague = await tx.employees.byCommunityUsername(post.authorUsername);
  if (isFollowUp(question, post, colleague !== null)) return followUp(deps, tx, question, post);
  if (post.authorUsername === question.authorUsername) return "ignored: the customer's own follow-up";
  if (question.status !== "open" && question.status !== "pending") return `ignored: question ${question.status}`;
  await tx.questions.update(question.id, {
    status: "answered_elsewhere",
    answeredBy: colleague?.displayName ?? post.authorName ?? post.authorUsername,
    answeredUrl: post.url,
    firstAnsweredAt: question.firstAnsweredAt ?? deps.clock.now(),
    claimedById: null,
    claimExpiresAt: null,
  });
  await refreshCards(tx, question.id);
  return "answered elsewhere";
}

/**
 * A customer writing after an answer: after ours, anyone who is not a colleague (the customer or another
 * customer); after someone else's answer on the community, the topic's author asking again.
 */
function isFollowUp(question: Question, post: PostFacts, byColleague: boolean): boolean {
  if (byColleague) return false;
  if (question.status === "answered" || question.status === "customer_replied") return true;
  return question.status === "answered_elsewhere" && post.authorUsername === question.authorUsername;
}

/** The card says the customer replied and may be answered again; its thread hears what they said, the answerer by name. */
async function followUp(deps: Pick<CoreDeps, "settings">, tx: CoreRepos, question: Question, post: PostFacts): Promise<string> {
  const customer = post.authorName ?? post.authorUsername;
  await tx.questions.update(question.id, { status: "customer_replied", followUpBy: customer, followUpUrl: post.url });
  await refreshCards(tx, question.id);
  const answer = await tx.answers.latestPublished(question.id);
  const answerer = answer ? await tx.employees.byId(answer.employeeId) : null;
  for (const card of await tx.cards.forQuestion(question.id)) {
    // A card the topic moved away from stays as it was: the question's thread is now where it went.
    if (!card.messageRef || card.movedToChannelId) continue;
    const surface = surfaceOf(card);
    const notice = {
      type: "customer_follow_up" as const,
      title: question.title,
      url: post.url,
      customer,
      excerpt: excerpt(post.text, deps.settings.excerptLength),
      answerer: answerer && answerer.surface === surface ? { surface, externalId: answerer.externalId, displayName: answerer.displayName } : null,
    };
    await tx.outbox.enqueue(
      { kind: "chat.channelNotice", surface, channelId: card.channelId, threadRef: card.messageRef, locale: card.locale, notice },
      { lane: lanes.channel(surface, card.channelId), dedupeKey: `follow-up:${post.postId}:${card.id}` },
    );
  }
  return "customer replied";
}

async function setStatus(
  deps: Pick<CoreDeps, "community">,
  tx: CoreRepos,
  topicId: number,
  next: (q: { status: QuestionStatus; answeredBy: string | null }) => QuestionStatus | null,
): Promise<string> {
  const question = await tx.questions.byTopic(deps.community.name, topicId);
  if (!question) return "ignored: unknown topic";
  const status = next(question);
  if (!status || status === question.status) return "no change";
  await tx.questions.update(question.id, { status });
  await refreshCards(tx, question.id);
  return `question ${status}`;
}
