// A reply in a card's thread is chat, not an answer, until its author says so: it becomes a draft offered to them
// alone ("publish this as @priya?"). Their Publish goes through submitAnswer like the answer form (consent, outbox,
// exactly once, points); colleagues never see the offer and cannot press it for them.
import type { CoreDeps, CoreRepos } from "../deps";
import type { ReplyDraft } from "../kernel/model";
import type { Actor } from "../kernel/commandContext";
import { actorEmployee, localeOf } from "../accounts";
import { lanes } from "../kernel/lanes";
import { chatFor } from "../deps";
import { ANSWERABLE, checkAnswerText, submitAnswer, type SubmitProblem } from "./submitAnswer";
import { draftSubmissionKey } from "./draftKey";
import { prepareAnswer, type ReadyAnswerForm } from "./prepareAnswer";

/** A reply as the chat surface reports it: in which thread (the card's message), which message, what it says. */
export interface ThreadReply {
  channelId: string;
  threadRef: string;
  replyRef: string;
  text: string;
}

/** A reply in a card's thread becomes a draft offered to its author; anything else is not ours. */
export async function draftFromReply(deps: Pick<CoreDeps, "store">, actor: Actor, reply: ThreadReply): Promise<string> {
  const card = await deps.store.cards.byMessage(actor.surface, reply.channelId, reply.threadRef);
  if (!card) return "not a card's thread";
  if (checkAnswerText(reply.text)) return "nothing to offer";
  // A question closed or gone on the community takes no answer: its thread is just chat.
  const question = await deps.store.questions.byId(card.questionId);
  if (!question || !ANSWERABLE.includes(question.status)) return "question not open";
  if (await deps.store.replyDrafts.byReply(card.id, reply.replyRef)) return "already drafted";
  const employee = await actorEmployee(deps, actor);
  const draft = await deps.store.transaction(async (tx) => {
    const created = await tx.replyDrafts.create({ cardId: card.id, employeeId: employee.id, replyRef: reply.replyRef, body: reply.text.trim() });
    await offer(tx, created, employee, "new");
    return created;
  });
  return `drafted ${draft.id}`;
}

/** The reply edited in chat before Publish: the draft follows, and its author sees the new text offered. */
export async function editReply(deps: Pick<CoreDeps, "store">, actor: Actor, reply: ThreadReply): Promise<string> {
  const draft = await ownDraftOfReply(deps, actor, reply);
  if (!draft || draft.state !== "offered") return "no draft waiting";
  if (checkAnswerText(reply.text)) return withdraw(deps, draft);
  if (draft.body === reply.text.trim()) return "unchanged";
  const employee = await actorEmployee(deps, actor);
  await deps.store.transaction(async (tx) => {
    const updated = await tx.replyDrafts.update(draft.id, { body: reply.text.trim() });
    await offer(tx, updated, employee, String(updated.updatedAt.getTime()));
  });
  return "draft follows the edit";
}

/** The reply deleted in chat before Publish: the draft goes too. */
export async function deleteReply(deps: Pick<CoreDeps, "store">, actor: Actor, reply: Omit<ThreadReply, "text">): Promise<string> {
  const draft = await ownDraftOfReply(deps, actor, { ...reply, text: "" });
  if (!draft || draft.state !== "offered") return "no draft waiting";
  return withdraw(deps, draft);
}

async function ownDraftOfReply(deps: Pick<CoreDeps, "store">, actor: Actor, reply: ThreadReply): Promise<ReplyDraft | null> {
  const card = await deps.store.cards.byMessage(actor.surface, reply.channelId, reply.threadRef);
  const draft = card ? await deps.store.replyDrafts.byReply(card.id, reply.replyRef) : null;
  if (!draft) return null;
  // Only the author's own edit or deletion moves their draft (an admin deleting it in chat takes it away too).
  const employee = await actorEmployee(deps, actor);
  return draft.employeeId === employee.id ? draft : null;
}

async function withdraw(deps: Pick<CoreDeps, "store">, draft: ReplyDraft): Promise<string> {
  await deps.store.replyDrafts.update(draft.id, { state: "withdrawn" });
  return "draft withdrawn";
}

/** Once linked, the person is offered their waiting drafts again, now with the account they publish as. */
export async function returnToDrafts(deps: Pick<CoreDeps, "store">, actor: Actor): Promise<number> {
  const employee = await actorEmployee(deps, actor);
  const drafts = await deps.store.replyDrafts.offeredTo(employee.id);
  await deps.store.transaction(async (tx) => {
    for (const draft of drafts) await offer(tx, draft, employee, `linked:${employee.communityUsername ?? ""}`);
  });
  return drafts.length;
}

async function offer(tx: CoreRepos, draft: ReplyDraft, employee: { surface: string; externalId: string }, version: string) {
  await tx.outbox.enqueue(
    { kind: "chat.offerDraft", draftId: draft.id },
    { lane: lanes.user(employee.surface, employee.externalId), dedupeKey: `offer:${draft.id}:${version}` },
  );
}

/** Outbox handler: the offer, to the draft's author only, in the card's thread where the surface can. */
export async function offerDraft(deps: Pick<CoreDeps, "store" | "chat" | "settings">, draftId: string): Promise<string> {
  const draft = await deps.store.replyDrafts.byId(draftId);
  if (!draft || draft.state !== "offered") return "no draft waiting";
  const card = await deps.store.cards.byId(draft.cardId);
  const question = card ? await deps.store.questions.byId(card.questionId) : null;
  const employee = await deps.store.employees.byId(draft.employeeId);
  if (!card?.messageRef || !question || !employee) return "card or author gone";
  const notice = {
    type: "reply_draft" as const,
    draftId: draft.id,
    topicId: question.topicId,
    title: question.title,
    text: draft.body,
    username: employee.communityUsername,
  };
  await chatFor(deps, card.surface).notifyInThread(card.channelId, card.messageRef, employee.externalId, notice, localeOf(deps, employee));
  return "offered";
}

export type DraftRefusal = "gone" | "not_yours" | SubmitProblem;
export type DraftResult<T> = ({ ok: true } & T) | { ok: false; problem: DraftRefusal; locale: string };

/** The draft, if it is the actor's own and still waiting; a forged click by anyone else is refused. */
async function ownDraft(deps: Pick<CoreDeps, "store" | "settings">, actor: Actor, draftId: string) {
  const employee = await actorEmployee(deps, actor);
  const locale = localeOf(deps, employee);
  const draft = await deps.store.replyDrafts.byId(draftId);
  if (!draft) return { ok: false as const, problem: "gone" as const, locale };
  if (draft.employeeId !== employee.id) return { ok: false as const, problem: "not_yours" as const, locale };
  const card = await deps.store.cards.byId(draft.cardId);
  const question = card ? await deps.store.questions.byId(card.questionId) : null;
  if (!card || !question) return { ok: false as const, problem: "gone" as const, locale };
  return { ok: true as const, draft, employee, locale, card, question };
}

/** Publish: the author's consent to post this text as their linked account, through the answer form's path. */
export async function publishDraft(
  deps: Pick<CoreDeps, "store" | "community" | "settings">,
  actor: Actor,
  draftId: string,
): Promise<DraftResult<{ username: string; locale: string }>> {
  const found = await ownDraft(deps, actor, draftId);
  if (!found.ok) return found;
  const { draft, employee, locale, card, question } = found;
  const earlier = await deps.store.answers.bySubmissionKey(draftSubmissionKey(draft.id));
  if (earlier) return { ok: true, username: earlier.postedAs, locale };
  if (draft.state !== "offered") return { ok: false, problem: "gone", locale };
  // Not linked: the draft waits, and linking brings it back (returnToDrafts).
  if (!employee.communityUsername) return { ok: false, problem: "not_linked", locale };
  if (!ANSWERABLE.includes(question.status)) return { ok: false, problem: "not_open", locale };
  const input = { channelId: card.channelId, topicId: question.topicId, body: draft.body, consent: true, submissionKey: draftSubmissionKey(draft.id) };
  const result = await submitAnswer(deps, actor, input);
  if (!result.ok) return { ok: false, problem: result.problem, locale };
  await deps.store.replyDrafts.update(draft.id, { state: "published" });
  return { ok: true, username: result.answer.postedAs, locale };
}

/** Not an answer: the reply stays chat. */
export async function dismissDraft(deps: Pick<CoreDeps, "store" | "settings">, actor: Actor, draftId: string): Promise<DraftResult<{ locale: string }>> {
  const found = await ownDraft(deps, actor, draftId);
  if (!found.ok) return found;
  if (found.draft.state === "offered") await deps.store.replyDrafts.update(found.draft.id, { state: "dismissed" });
  return { ok: true, locale: found.locale };
}

/**
 * Edit first: the answer form as it opens for the draft's own author, with the draft's text; or why it cannot
 * (the same refusals on every surface).
 */
export async function draftForEdit(
  deps: Pick<CoreDeps, "store" | "community" | "settings" | "ai">,
  actor: Actor,
  draftId: string,
): Promise<DraftResult<{ draft: ReplyDraft; form: ReadyAnswerForm; channelId: string; topicId: number; messageRef: string | null }>> {
  const found = await ownDraft(deps, actor, draftId);
  if (!found.ok) return found;
  if (found.draft.state !== "offered") return { ok: false, problem: "gone", locale: found.locale };
  const at = { channelId: found.card.channelId, topicId: found.question.topicId };
  const form = await prepareAnswer(deps, actor, at);
  if (form.status !== "ready") return { ok: false, problem: form.status, locale: form.locale };
  return { ok: true, draft: found.draft, form, ...at, messageRef: found.card.messageRef };
}
