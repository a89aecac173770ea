import type { CoreRepos } from "../deps";
import { lanes } from "../kernel/lanes";

/** Asks every card of a question to redraw itself from the current state; a moved card only says where it went. */
export async function refreshCards(tx: CoreRepos, questionId: string): Promise<void> {
  for (const card of await tx.cards.forQuestion(questionId)) {
    if (card.movedToChannelId) continue;
    await tx.outbox.enqueue({ kind: "chat.refreshCard", cardId: card.id }, { lane: lanes.channel(card.surface, card.channelId), coalesce: true });
  }
}
