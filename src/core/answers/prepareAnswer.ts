// Before the answer form opens: is this person linked, and which question is it?
import type { CoreDeps } from "../deps";
import { excerpt } from "../text/plainText";
import { actorEmployee, localeOf, type Actor } from "../accounts/actor";
import { findCard } from "../cards/findCard";
import { ANSWERABLE } from "./submitAnswer";

export type AnswerForm =
  | { status: "ready"; username: string; title: string; excerpt: string; locale: string }
  | { status: "not_linked" | "not_found" | "not_open"; locale: string };

export async function prepareAnswer(deps: CoreDeps, actor: Actor, at: { channelId: string; topicId: number }): Promise<AnswerForm> {
  const employee = await actorEmployee(deps, actor);
  const locale = localeOf(deps, employee);
  if (!employee.communityUsername) return { status: "not_linked", locale };
  const found = await findCard(deps, { surface: actor.surface, ...at });
  if (!found) return { status: "not_found", locale };
  if (!ANSWERABLE.includes(found.question.status)) return { status: "not_open", locale };
  return {
    status: "ready",
    username: employee.communityUsername,
    title: found.question.title,
    excerpt: excerpt(found.question.bodyText ?? "", 600),
    locale,
  };
}
