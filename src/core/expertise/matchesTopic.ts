// Whether a question is about a followed topic: the AI labelled it so, a tag says so, or the word is in it.
import type { Question } from "../kernel/model";

export function matchesTopic(question: Pick<Question, "title" | "bodyText" | "tags" | "topics" | "categorySlug">, topic: string): boolean {
  const wanted = topic.toLowerCase();
  if (question.topics.includes(wanted) || question.tags.map((tag) => tag.toLowerCase()).includes(wanted) || question.categorySlug?.toLowerCase() === wanted)
    return true;
  const words = `${question.title}\n${question.bodyText ?? ""}`.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [];
  return words.some((word) => word === wanted || (wanted.length >= 5 && word.startsWith(wanted)));
}
