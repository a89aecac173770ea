// Builds what a question card shows from the question and its card.
import { excerpt } from "../kernel/plainText";
import type { Card, Employee, Question } from "../kernel/model";
import { RULES_BECAUSE, type CardAction, type CardPromise, type CardRouting, type CardState, type CardView, type RulesBecause } from "../ports/views/cardView";

const isRulesBecause = (outcome: string): outcome is RulesBecause => (RULES_BECAUSE as readonly string[]).includes(outcome);

export function buildCardView(input: { question: Question; card: Card; claimant: Employee | null; now: Date; excerptLength: number }): CardView {
  const { question, card, claimant, now } = input;
  const state = cardState(question, card, claimant, now);
  return {
    cardId: card.id,
    topicId: question.topicId,
    locale: card.locale,
    title: question.title,
    excerpt: excerpt(question.bodyText ?? "", input.excerptLength),
    url: question.url,
    author: question.authorName ?? question.authorUsername,
    category: question.categorySlug,
    tags: question.tags,
    language: question.language,
    kind: question.kind,
    postedAt: question.postedAt,
    now,
    state,
    actions: [...actionsFor(state), ...(question.kind === "idea" && IDEA_STATES.includes(state.type) ? (["idea"] as const) : [])],
    routing: cardRouting(question, card),
    promise: cardPromise(question, now),
    experts: state.type === "open" ? question.experts : [],
    summary: question.summaries?.[card.locale] ?? null,
    idea: question.kind === "idea" ? { status: question.ideaStatus, by: question.ideaStatusBy } : null,
  };
}

function cardPromise(question: Question, now: Date): CardPromise | null {
  const { promiseMinutes: minutes, promiseDueAt: dueAt, firstAnsweredAt: answeredAt } = question;
  if (minutes === null || dueAt === null) return null;
  const toMinutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));
  if (answeredAt) {
    const answeredAfterMinutes = toMinutes(answeredAt.getTime() - question.postedAt.getTime());
    return answeredAt <= dueAt
      ? { type: "kept", answeredAfterMinutes }
      : { type: "missed", answeredAfterMinutes, lateByMinutes: toMinutes(answeredAt.getTime() - dueAt.getTime()) };
  }
  if (question.status !== "open") return null;
  return now < dueAt ? { type: "pending", dueAt, minutes } : { type: "overdue", minutes };
}

function cardRouting(question: Question, card: Card): CardRouting {
  const outcome = question.aiOutcome;
  if (!outcome) return null;
  if (card.routedBy.startsWith("ai:")) return { by: "ai", confidence: question.aiConfidence ?? 0 };
  return isRulesBecause(outcome) ? { by: "rules", because: outcome, confidence: question.aiConfidence } : null;
}

function cardState(question: Question, card: Card, claimant: Employee | null, now: Date): CardState {
  if (card.movedToSurface && card.movedToChannelId) return { type: "moved", to: { surface: card.movedToSurface, channelId: card.movedToChannelId } };
  if (card.passedOnBy) return { type: "passed_on", by: card.passedOnBy, note: card.passedOnNote ?? "" };
  switch (question.status) {
    case "answered":
      return { type: "answered", by: question.answeredBy ?? "?", url: question.answeredUrl };
    case "answered_elsewhere":
      return { type: "answered_elsewhere", by: question.answeredBy ?? "?", url: question.answeredUrl };
    case "customer_replied":
      return { type: "customer_replied", by: question.answeredBy, customer: question.followUpBy ?? "?", replyUrl: question.followUpUrl ?? question.url };
    case "closed":
      return { type: "closed", answeredBy: question.answeredBy };
    case "deleted":
      return { type: "deleted" };
  }
  if (question.claimedById && question.claimExpiresAt && question.claimExpiresAt > now) {
    return { type: "claimed", by: claimant?.displayName ?? claimant?.externalId ?? "?", until: question.claimExpiresAt };
  }
  return { type: "open" };
}

/** Where an idea's status can still be set in public: the topic is there and open to replies. */
const IDEA_STATES: Array<CardState["type"]> = ["open", "claimed", "answered", "answered_elsewhere", "customer_replied"];

function actionsFor(state: CardState): CardAction[] {
  switch (state.type) {
    case "open":
      return ["claim", "answer", "pass"];
    case "claimed":
      return ["release", "answer", "pass"];
    case "answered_elsewhere":
      return ["answer"];
    // Answer again, or put right what was answered: the customer's reply may show the first answer was off.
    case "customer_replied":
      return ["answer", "editAnswer", "withdrawAnswer"];
    case "answered":
      return ["editAnswer", "withdrawAnswer"];
    default:
      return [];
  }
}
