// Who answered questions like this one well before: colleagues whose answers to similar questions (by the
// same keyword test as recurring problems) the community accepted as the solution in the last 180 days.
import type { Question } from "../kernel/model";
import { problemKeywords, SAME_PROBLEM, sameProblemScore } from "../problems";
import type { Repos } from "../store";

const LOOK_BACK_MS = 180 * 24 * 3600_000;
const MAX_EXPERTS = 3;

export async function suggestExperts(tx: Pick<Repos, "answers">, question: Pick<Question, "title">, now: Date): Promise<string[]> {
  const keywords = problemKeywords(question.title);
  if (keywords.length < 2) return [];
  const counts = new Map<string, { name: string; accepted: number }>();
  for (const answer of await tx.answers.acceptedSince(new Date(now.getTime() - LOOK_BACK_MS))) {
    if (sameProblemScore(keywords, problemKeywords(answer.title)) < SAME_PROBLEM) continue;
    const entry = counts.get(answer.employeeId) ?? { name: answer.employeeName, accepted: 0 };
    entry.accepted++;
    counts.set(answer.employeeId, entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.accepted - a.accepted || a.name.localeCompare(b.name))
    .slice(0, MAX_EXPERTS)
    .map((entry) => entry.name);
}
