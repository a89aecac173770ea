// A topic the community moved to another category or retagged follows: its category and tags are taken from the
// community's API (the webhook that asked is only a hint), routing runs again, and when the winning channels change
// the old cards say where the question went and a card appears in each new channel. Unchanged routing changes nothing.
import type { CoreDeps, CoreRepos } from "../deps";
import type { Card, ChatTarget, Question } from "../kernel/model";
import type { TopicSnapshot } from "../kernel/events";
import { pickRule } from "../routing";
import { refreshCards } from "../cards";
import { lanes } from "../kernel/lanes";

export async function rerouteQuestion(deps: Pick<CoreDeps, "store" | "community" | "settings">, questionId: string): Promise<string> {
  const question = await deps.store.questions.byId(questionId);
  if (!question) return "unknown question";
  // Asked before the transaction; a community that cannot be reached throws, nothing is written, the outbox retries.
  const topic = await deps.community.getTopic(question.topicId);
  if (!topic || topic.deleted) return "topic gone: left to its deletion";
  const categorySlug = topic.categoryId === null ? null : await deps.community.categorySlug(topic.categoryId);
  if (!changed(question, topic, categorySlug)) return "no change";
  return deps.store.transaction(async (tx) => {
    const updated = await tx.questions.update(questionId, { title: topic.title, url: topic.url, categoryId: topic.categoryId, categorySlug, tags: topic.tags });
    if (updated.status === "pending" || updated.status === "deleted") return `topic facts updated (question ${updated.status})`;
    const { targets: picked, routedBy } = await routing(tx, updated);
    const all = await tx.cards.forQuestion(questionId);
    // A channel whose team passed the question on ("not for us") does not get it back by a move.
    const targets = picked.filter((target) => !all.some((card) => card.passedOnBy && sameTarget(target, card)));
    const live = all.filter(isLiveCard);
    const leaving = live.filter((card) => !targets.some((target) => sameTarget(target, card)));
    const arriving = targets.filter((target) => !live.some((card) => sameTarget(target, card)));
    if (!targets.length || (!leaving.length && !arriving.length)) {
      // The cards stay where they are and show the topic's new title, category and tags.
      await refreshCards(tx, questionId);
      return targets.length ? "routing unchanged" : "nowhere to go (no rule, no fallback, or passed on there): cards stay";
    }
    const redraw = live.filter((card) => !leaving.includes(card));
    for (const target of arriving) {
      const back = await arrive(deps, tx, updated, target, routedBy);
      if (back) redraw.push(back);
    }
    for (const card of leaving) {
      const to = targets.find((target) => target.surface === card.surface) ?? targets[0]!;
      await tx.cards.update(card.id, { movedToSurface: to.surface, movedToChannelId: to.channelId });
      redraw.push(card);
    }
    // Old cards say where the question went; staying ones show the new category; new ones are drawn when posted.
    for (const card of redraw) {
      await tx.outbox.enqueue({ kind: "chat.refreshCard", cardId: card.id }, { lane: lanes.channel(card.surface, card.channelId), coalesce: true });
    }
    return `moved to ${arriving.map((target) => `${target.surface}:${target.channelId}`).join(", ") || "(cards already there)"}`;
  });
}

function sameTags(a: string[], b: string[]): boolean {
  return [...a].sort().join(",") === [...b].sort().join(",");
}

function changed(question: Question, topic: TopicSnapshot, categorySlug: string | null): boolean {
  return (
    question.categoryId !== topic.categoryId || question.categorySlug !== categorySlug || !sameTags(question.tags, topic.tags) || question.title !== topic.title
  );
}

/** A card that still stands for the question in its channel (routed there, or passed on to it). */
function isLiveCard(card: Card): boolean {
  return !card.movedToChannelId && !card.passedOnBy;
}

function sameTarget(target: ChatTarget, card: Card): boolean {
  return target.surface === card.surface && target.channelId === card.channelId;
}

/** The channels the rules pick for the question as it is now (the fallback when none matches), and why. */
async function routing(tx: CoreRepos, question: Question): Promise<{ targets: ChatTarget[]; routedBy: string }> {
  const rule = pickRule(await tx.rules.list(), question);
  if (rule) return { targets: rule.targets, routedBy: `rule:${rule.id}` };
  const fallback = await tx.channels.fallback();
  return { targets: fallback ? [fallback] : [], routedBy: "fallback" };
}

/**
 * A card in a channel the question now belongs to. A card it had there before (moved back) is live again, to be
 * redrawn in place (returned). The claim and any answer live on the question, so a new card shows them.
 */
async function arrive(deps: Pick<CoreDeps, "settings">, tx: CoreRepos, question: Question, target: ChatTarget, routedBy: string): Promise<Card | null> {
  const existing = await tx.cards.find(question.id, target.surface, target.channelId);
  if (existing) return tx.cards.update(existing.id, { movedToSurface: null, movedToChannelId: null, routedBy });
  const locale = (await tx.channels.locale(target.surface, target.channelId)) ?? deps.settings.defaultLocale;
  const card = await tx.cards.create({ questionId: question.id, surface: target.surface, channelId: target.channelId, locale, routedBy });
  await tx.outbox.enqueue({ kind: "chat.postCard", cardId: card.id }, { lane: lanes.channel(card.surface, card.channelId) });
  return null;
}
