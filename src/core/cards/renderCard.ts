// Outbox handlers that draw a card in its channel: first post, then in-place updates.
import { chatFor, type CoreDeps } from "../deps";
import { buildCardView } from "./buildCardView";
import type { Card, Employee, Question } from "../kernel/model";
import type { CardView } from "../ports/views/cardView";

/** A card and what it shows now. */
export async function cardViewOf(deps: Pick<CoreDeps, "store" | "clock" | "settings">, cardId: string) {
  const card = await deps.store.cards.byId(cardId);
  if (!card) return null;
  const question = await deps.store.questions.byId(card.questionId);
  if (!question) return null;
  return { card, view: await cardViewFrom(deps, card, question) };
}

/** What a card shows, from rows already read; the claimant is read only when it is not the person at hand. */
export async function cardViewFrom(deps: Pick<CoreDeps, "store" | "clock" | "settings">, card: Card, question: Question, person?: Employee): Promise<CardView> {
  const claimedBy = question.claimedById;
  const claimant = !claimedBy ? null : claimedBy === person?.id ? person : await deps.store.employees.byId(claimedBy);
  return buildCardView({ question, card, claimant, now: deps.clock.now(), excerptLength: deps.settings.excerptLength });
}

export async function postCard(deps: Pick<CoreDeps, "store" | "chat" | "clock" | "settings">, cardId: string): Promise<void> {
  const found = await cardViewOf(deps, cardId);
  if (!found || found.card.messageRef) return; // posted already: a retry after a crash must not post twice
  const { card, view } = found;
  const chat = chatFor(deps, card.surface);
  if (card.postStartedAt) {
    // An earlier attempt may have landed without us hearing back: look before posting again.
    const landed = await chat.findPostedCard(card.channelId, card.id, card.postStartedAt);
    if (landed) {
      await deps.store.cards.update(cardId, { messageRef: landed.messageRef });
      return;
    }
  } else {
    await deps.store.cards.update(cardId, { postStartedAt: deps.clock.now() });
  }
  const { messageRef } = await chat.postCard(card.channelId, view);
  await deps.store.cards.update(cardId, { messageRef });
}

export async function refreshCard(deps: Pick<CoreDeps, "store" | "chat" | "clock" | "settings">, cardId: string): Promise<void> {
  const found = await cardViewOf(deps, cardId);
  // Not posted yet: the pending post (earlier in the same lane) draws the current state anyway.
  if (!found?.card.messageRef) return;
  await chatFor(deps, found.card.surface).updateCard(found.card.channelId, found.card.messageRef, found.view);
}
