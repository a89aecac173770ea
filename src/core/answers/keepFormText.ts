// An answer form refused for want of a linked account: its text is kept as a draft, offered back once linked.
import type { CoreDeps } from "../deps";
import type { Actor } from "../kernel/commandContext";
import { actorEmployee } from "../accounts";

/** A refused answer form's text, kept as a draft while its author links their account (see returnToDrafts). */
export async function keepFormText(
  deps: Pick<CoreDeps, "store" | "community">,
  actor: Actor,
  form: { channelId: string; topicId: number; body: string; submissionKey: string },
): Promise<void> {
  const at = form;
  const question = await deps.store.questions.byTopic(deps.community.name, at.topicId);
  const card = question ? await deps.store.cards.find(question.id, actor.surface, at.channelId) : null;
  // The form's submission key stands for the reply: a retried refusal keeps the text once.
  if (!card || (await deps.store.replyDrafts.byReply(card.id, form.submissionKey))) return;
  const employee = await actorEmployee(deps, actor);
  await deps.store.replyDrafts.create({ cardId: card.id, employeeId: employee.id, replyRef: form.submissionKey, body: form.body.trim() });
}
