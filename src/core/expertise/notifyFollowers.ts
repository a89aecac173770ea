// Employees who follow a topic hear of each new question about it, in a direct message.
import type { CoreDeps } from "../deps";
import type { Question } from "../kernel/model";
import type { CoreRepos } from "../deps";
import { notifyEmployee } from "../notices";
import { matchesTopic } from "./matchesTopic";

export async function notifyFollowers(deps: Pick<CoreDeps, "settings">, tx: CoreRepos, question: Question): Promise<number> {
  const told = new Set<string>();
  for (const { employee, topic } of await tx.follows.all()) {
    if (told.has(employee.id) || !matchesTopic(question, topic)) continue;
    told.add(employee.id);
    await notifyEmployee(
      tx,
      employee,
      { type: "followed_question", topic, title: question.title, url: question.url },
      { defaultLocale: deps.settings.defaultLocale, dedupeKey: `follow:${question.id}:${employee.id}` },
    );
  }
  return told.size;
}
