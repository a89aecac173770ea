import { randomUUID } from "node:crypto";
import type { Question } from "../../core/kernel/model";
import type { Db } from "./db";
import { toQuestion } from "./questionRow";
import type { StoryCandidate } from "../../core/kernel/story";
import type { StoryRepo } from "../../core/stories";

/** Answered questions, with their latest answer published through Advocate (if any). */
const answered = { answers: { where: { status: "published" }, orderBy: { publishedAt: "desc" as const }, take: 1, select: { publishedAt: true } } };

type AnsweredRow = Question & { updatedAt: Date; answers: Array<{ publishedAt: Date | null }> };

function candidateOf({ answers, updatedAt, ...question }: AnsweredRow): StoryCandidate {
  const published = answers[0]?.publishedAt ?? null;
  // The community tells us no answer time for answers given there; the question's last change stands in.
  return { question, answeredAt: published ?? updatedAt, byColleague: published !== null };
}

export function storyRepo(db: Db): StoryRepo {
  return {
    async candidates(since) {
      const rows = await db.question.findMany({
        where: { answeredBy: { not: null }, status: { in: ["answered", "answered_elsewhere", "customer_replied", "closed"] }, updatedAt: { gte: since } },
        include: answered,
      });
      return rows.map((row) => candidateOf(toQuestion(row)));
    },
    async candidate(questionId) {
      const row = await db.question.findUnique({ where: { id: questionId }, include: answered });
      return row ? candidateOf(toQuestion(row)) : null;
    },
    shownIn: ({ surface, channelId }, since) => db.story.findMany({ where: { surface, channelId, shownAt: { gte: since } }, orderBy: { shownAt: "desc" } }),
    latestIn: ({ surface, channelId }) => db.story.findFirst({ where: { surface, channelId }, orderBy: { shownAt: "desc" } }),
    async record(story) {
      const id = randomUUID();
      // ON CONFLICT DO NOTHING on the run key: a retried run learns it already chose, and the transaction stays usable.
      const { count } = await db.story.createMany({ data: [{ ...story, id }], skipDuplicates: true });
      return count ? db.story.findUniqueOrThrow({ where: { id } }) : null;
    },
    byId: (id) => db.story.findUnique({ where: { id } }),
    async markPosted(id, messageRef) {
      await db.story.update({ where: { id }, data: { messageRef } });
    },
  };
}
