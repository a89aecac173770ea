// Classify a complete question and put a card in the channel its rules pick (or the fallback).
import type { CoreDeps } from "../deps";
import { lanes } from "../outbox/messages";
import { pickRule } from "../routing/matchRule";
import { classify } from "./classify";

export async function routeQuestion(deps: CoreDeps, questionId: string): Promise<string> {
  const question = await deps.store.questions.byId(questionId);
  if (!question || question.status !== "pending") return "already routed";
  if (question.bodyText === null || !question.hasTopicFacts) {
    // Only one of the two webhooks came (or neither, for polled topics): ask the community for the rest.
    await deps.store.outbox.enqueue(
      { kind: "community.fetchTopic", questionId },
      { lane: lanes.community(deps.community.name), dedupeKey: `fetch:${questionId}` },
    );
    return "fetching topic";
  }
  const { language, kind } = classify(question.title, question.bodyText, deps.settings.defaultLocale);
  const rules = await deps.store.rules.list();
  const rule = pickRule(rules, { ...question, language });
  const fallback = rule ? null : await deps.store.channels.fallback();
  const targets = rule ? rule.targets : fallback ? [fallback] : [];
  return deps.store.transaction(async (tx) => {
    await tx.questions.update(questionId, { status: "open", language, kind, routedAt: deps.clock.now() });
    if (!targets.length) return "no rule and no fallback channel";
    for (const target of targets) {
      const locale = (await tx.channels.locale(target.surface, target.channelId)) ?? deps.settings.defaultLocale;
      const card = await tx.cards.create({
        questionId,
        surface: target.surface,
        channelId: target.channelId,
        locale,
        routedBy: rule ? `rule:${rule.id}` : "fallback",
      });
      await tx.outbox.enqueue({ kind: "chat.postCard", cardId: card.id }, { lane: lanes.channel(card.surface, card.channelId) });
    }
    return `routed to ${targets.map((target) => `${target.surface}:${target.channelId}`).join(", ")}`;
  });
}

/** Completes a question from the community API when a webhook left gaps, then routes it. */
export async function fetchTopic(deps: CoreDeps, questionId: string): Promise<string> {
  const question = await deps.store.questions.byId(questionId);
  if (!question || question.status !== "pending") return "already routed";
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
      await tx.outbox.enqueue({ kind: "question.route", questionId }, { lane: lanes.route(), dedupeKey: `route:${questionId}:fetched` });
    }
    return "topic fetched";
  });
}
