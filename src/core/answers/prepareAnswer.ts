// Before the answer form opens: is this person linked, and which question is it?
import type { CoreDeps } from "../deps";
import { excerpt } from "../kernel/plainText";
import type { Question } from "../kernel/model";
import { linkedCard } from "../cards";
import { ANSWERABLE } from "./submitAnswer";
import type { Actor } from "../kernel/commandContext";

export type AnswerForm =
  | {
      status: "ready";
      username: string;
      title: string;
      excerpt: string;
      locale: string;
      /** "Draft with AI" is on offer. */
      canDraft: boolean;
      /** What a draft is written for (see draftAnswer). */
      question: Question;
    }
  | { status: "not_linked" | "not_found" | "not_open"; locale: string };
export type ReadyAnswerForm = Extract<AnswerForm, { status: "ready" }>;

export async function prepareAnswer(
  deps: Pick<CoreDeps, "store" | "community" | "settings" | "ai">,
  actor: Actor,
  at: { channelId: string; topicId: number },
): Promise<AnswerForm> {
  const found = await linkedCard(deps, actor, at);
  if (!found.ok) return { status: found.status, locale: found.locale };
  const { question, locale } = found;
  if (!ANSWERABLE.includes(question.status)) return { status: "not_open", locale };
  return {
    status: "ready",
    username: found.username,
    title: question.title,
    excerpt: excerpt(question.bodyText ?? "", 600),
    locale,
    canDraft: Boolean(deps.ai) && (await deps.store.ai.enabled(deps.community.name)),
    question,
  };
}
