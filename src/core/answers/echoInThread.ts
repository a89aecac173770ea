// Outbox handler: the published answer also appears in the card's own thread.
import { chatFor, type CoreDeps } from "../deps";

export async function echoAnswerInThread(deps: CoreDeps, cardId: string, answerId: string): Promise<string> {
  const card = await deps.store.cards.byId(cardId);
  const answer = await deps.store.answers.byId(answerId);
  if (!card?.messageRef || !answer?.postUrl) return "nothing to echo";
  const author = await deps.store.employees.byId(answer.employeeId);
  const name = author?.displayName ?? answer.postedAs;
  await chatFor(deps, card.surface).postThreadReply(card.channelId, card.messageRef, `${name}: ${answer.body}\n${answer.postUrl}`, card.locale);
  return "echoed";
}
