import type { CoreDeps } from "../deps";
import type { Card, Question } from "../kernel/model";

/** A button press names a topic and the channel it was pressed in; both must lead to a card of ours. */
export async function findCard(
  deps: Pick<CoreDeps, "store" | "community">,
  at: { surface: string; channelId: string; topicId: number },
): Promise<{ card: Card; question: Question } | null> {
  const question = await deps.store.questions.byTopic(deps.community.name, at.topicId);
  if (!question) return null;
  const card = await deps.store.cards.find(question.id, at.surface, at.channelId);
  return card ? { card, question } : null;
}
