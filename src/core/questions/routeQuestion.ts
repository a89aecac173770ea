// Classify a complete question and put a card in the channel its rules pick (or the fallback).
import type { CoreDeps } from "../deps";
import { pickRule } from "../routing";
import { classify, type Classification } from "./classify";
import { classifyWithAi, type AiRouting } from "../ai";
import type { Question } from "../kernel/model";
import { addBusinessMinutes } from "../promises";
import { trackRecurringProblem } from "../problems";
import { problemEmbedding } from "../problems";
import { suggestExperts } from "../expertise";
import { notifyFollowers } from "../expertise";
import { lanes } from "../kernel/lanes";

export async function routeQuestion(deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings" | "ai">, questionId: string): Promise<string> {
  let question = await deps.store.questions.byId(questionId);
  if (!question || question.status !== "pending") return "already routed";
  const rules = await deps.store.rules.list();
  if (question.hasTopicFacts && question.categorySlug === null && question.categoryId !== null && rules.some((rule) => rule.categories.length)) {
    // Only the first post's webhook names the category by slug: a topic known from elsewhere asks the community.
    const categorySlug = await deps.community.categorySlug(question.categoryId);
    if (categorySlug) question = await deps.store.questions.update(questionId, { categorySlug });
  }
  if (question.bodyText === null || !question.hasTopicFacts) {
    // Only one of the two webhooks came (or neither, for polled topics): ask the community for the rest.
    await deps.store.outbox.enqueue(
      { kind: "community.fetchTopic", questionId },
      { lane: lanes.community(deps.community.name), dedupeKey: `fetch:${questionId}` },
    );
    return "fetching topic";
  }
  const ai = await classifyWithAi(deps, question, rules);
  const understood = understanding(classify(question.title, question.bodyText, deps.settings.defaultLocale), ai);
  const rule = ai?.outcome === "ai" ? ai.rule : pickRule(rules, { ...question, language: understood.language });
  const fallback = rule ? null : await deps.store.channels.fallback();
  const targets = rule ? rule.targets : fallback ? [fallback] : [];
  const embedding = await problemEmbedding(deps, question, understood.kind);
  const routedBy = ai?.outcome === "ai" ? `ai:${ai.rule.id}` : rule ? `rule:${rule.id}` : "fallback";
  const aiNote = ai ? ` (AI: ${ai.outcome}${"detail" in ai ? `, ${ai.detail}` : ""})` : "";
  return deps.store.transaction(async (tx) => {
    const promise = rule?.promiseMinutes
      ? {
          promiseMinutes: rule.promiseMinutes,
          promiseRuleId: rule.id,
          promiseDueAt: addBusinessMinutes(question.postedAt, rule.promiseMinutes, deps.settings.calendar),
        }
      : {};
    const experts = await suggestExperts(tx, question, deps.clock.now());
    const routed = await tx.questions.update(questionId, { status: "open", ...understood, ...promise, experts, routedAt: deps.clock.now() });
    const problem = await trackRecurringProblem(deps, tx, routed, understood.kind, embedding);
    const followers = await notifyFollowers(deps, tx, routed);
    const notes = `${aiNote}${problem ? `; ${problem}` : ""}${followers ? `; ${followers} follower(s) told` : ""}`;
    if (!targets.length) return `no rule and no fallback channel${notes}`;
    for (const target of targets) {
      const locale = (await tx.channels.locale(target.surface, target.channelId)) ?? deps.settings.defaultLocale;
      const card = await tx.cards.create({
        questionId,
        surface: target.surface,
        channelId: target.channelId,
        locale,
        routedBy,
      });
      await tx.outbox.enqueue({ kind: "chat.postCard", cardId: card.id }, { lane: lanes.channel(card.surface, card.channelId) });
    }
    return `routed by ${routedBy} to ${targets.map((target) => `${target.surface}:${target.channelId}`).join(", ")}${notes}`;
  });
}

/** What the question is taken to be: the model's reading when it gave a valid one, else the word lists'. */
function understanding(
  rules: Classification,
  ai: AiRouting | null,
): Pick<Question, "language" | "kind" | "topics" | "urgency" | "sentiment" | "summaries" | "aiOutcome" | "aiConfidence"> {
  const classification = ai && "classification" in ai ? ai.classification : null;
  return {
    language: classification?.language ?? rules.language,
    kind: classification?.kind ?? rules.kind,
    topics: classification?.topics ?? [],
    urgency: classification?.urgency ?? (rules.urgent ? "high" : null),
    sentiment: classification?.sentiment ?? null,
    summaries: classification?.summaries ?? null,
    aiOutcome: ai?.outcome ?? null,
    aiConfidence: classification?.confidence ?? null,
  };
}

/** Completes a question from the community API when a webhook left gaps, then routes it. */
export async function fetchTopic(deps: Pick<CoreDeps, "store" | "community">, questionId: string): Promise<string> {
  const question = await deps.store.questions.byId(questionId);
  if (!question || question.status !== "pending") return "already routed";
  if (question.bodyText !== null && question.hasTopicFacts) {
    // The missing webhook came while the route ran (it found the question incomplete, and the webhook's request to
    // route at once was lost on the running item): route without asking the community.
    await deps.store.outbox.enqueue({ kind: "question.route", questionId }, { lane: lanes.route(questionId), dedupeKey: `route:${questionId}:completed` });
    return "completed meanwhile; routing";
  }
  const topic = await deps.community.getTopic(question.topicId);
  return deps.store.transaction(async (tx) => {
    if (!topic) {
      await tx.questions.update(questionId, { status: "deleted" });
      return "topic gone";
    }
    await tx.questions.update(questionId, {
      title: topic.title,
      url: topic.url,
      tags: topic.tags,
      categoryId: topic.categoryId,
      hasTopicFacts: true,
      bodyText: question.bodyText ?? topic.firstPostText ?? "",
      authorUsername: question.authorUsername ?? topic.authorUsername,
      authorName: question.authorName ?? topic.authorName,
      ...(topic.categorySlug ? { categorySlug: topic.categorySlug } : {}),
      ...(topic.closed ? { status: "closed" } : {}),
    });
    if (!topic.closed) {
      await tx.outbox.enqueue({ kind: "question.route", questionId }, { lane: lanes.route(questionId), dedupeKey: `route:${questionId}:fetched` });
    }
    return "topic fetched";
  });
}
