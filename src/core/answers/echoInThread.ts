// Outbox handler: the published answer also appears in the card's own thread, once. Like a card, the echo records
// its first attempt; a retry after a crash or a lost response first looks in the thread for it. After an edit or a
// withdrawal, the echo is redrawn as the answer now stands.
import { chatFor, type CoreDeps } from "../deps";

export async function echoAnswerInThread(deps: Pick<CoreDeps, "store" | "chat" | "clock">, cardId: string, answerId: string): Promise<string> {
  const card = await deps.store.cards.byId(cardId);
  const answer = await deps.store.answers.byId(answerId);
  if (!card?.messageRef || !answer?.postUrl) return "nothing to echo";
  const chat = chatFor(deps, card.surface);
  if (answer.echoStartedAt && (await chat.findThreadReply(card.channelId, card.messageRef, answer.id))) return "already echoed";
  if (!answer.echoStartedAt) await deps.store.answers.update(answer.id, { echoStartedAt: deps.clock.now() });
  const author = await deps.store.employees.byId(answer.employeeId);
  const name = author?.displayName ?? answer.postedAs;
  await chat.postThreadReply(card.channelId, card.messageRef, `${name}: ${answer.body}\n${answer.postUrl}`, card.locale, answer.id);
  return "echoed";
}

export async function redrawEcho(deps: Pick<CoreDeps, "store" | "chat">, cardId: string, answerId: string): Promise<string> {
  const card = await deps.store.cards.byId(cardId);
  const answer = await deps.store.answers.byId(answerId);
  if (!card?.messageRef || !answer?.postUrl) return "nothing to redraw";
  const author = await deps.store.employees.byId(answer.employeeId);
  const echo = {
    by: author?.displayName ?? answer.postedAs,
    body: answer.body,
    url: answer.postUrl,
    state: answer.deletedAt ? "withdrawn" : "edited",
  } as const;
  await chatFor(deps, card.surface).updateThreadReply(card.channelId, card.messageRef, answer.id, echo, card.locale);
  return `echo ${echo.state}`;
}
