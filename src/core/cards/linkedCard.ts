import type { CoreDeps } from "../deps";
import type { Card, Employee, Question } from "../kernel/model";
import { actorEmployee, localeOf } from "../accounts";
import { findCard } from "./findCard";
import type { Actor } from "../kernel/commandContext";

/**
 * Before a form that posts in the employee's name opens (an answer, an idea status): their language, their linked
 * community account, and the card the button was on.
 */
export async function linkedCard(
  deps: Pick<CoreDeps, "store" | "community" | "settings">,
  actor: Actor,
  at: { channelId: string; topicId: number },
): Promise<
  | { ok: true; employee: Employee; username: string; locale: string; card: Card; question: Question }
  | { ok: false; status: "not_linked" | "not_found"; locale: string }
> {
  const employee = await actorEmployee(deps, actor);
  const locale = localeOf(deps, employee);
  if (!employee.communityUsername) return { ok: false, status: "not_linked", locale };
  const found = await findCard(deps, { surface: actor.surface, ...at });
  if (!found) return { ok: false, status: "not_found", locale };
  return { ok: true, employee, username: employee.communityUsername, locale, ...found };
}
