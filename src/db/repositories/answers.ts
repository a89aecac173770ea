import { withoutId, type Db } from "./db";
import { toAnswer } from "./states";
import type { AnswerRepo } from "../../core/answers";

export function answerRepo(db: Db): AnswerRepo {
  return {
    byId: async (id) => nullable(await db.answer.findUnique({ where: { id } })),
    bySubmissionKey: async (submissionKey) => nullable(await db.answer.findUnique({ where: { submissionKey } })),
    create: async (answer) => toAnswer(await db.answer.create({ data: answer })),
    update: async (id, patch) => toAnswer(await db.answer.update({ where: { id }, data: withoutId(patch) })),
    byCommunityPost: async (communityPostId) => nullable(await db.answer.findFirst({ where: { communityPostId } })),
    async acceptedSince(since) {
      const rows = await db.answer.findMany({
        where: { acceptedAt: { gte: since } },
        select: { employeeId: true, employee: { select: { displayName: true, communityUsername: true } }, question: { select: { title: true } } },
      });
      return rows.map((row) => ({
        employeeId: row.employeeId,
        employeeName: row.employee.displayName ?? row.employee.communityUsername ?? "?",
        title: row.question.title,
      }));
    },
    latestPublished: async (questionId) =>
      nullable(await db.answer.findFirst({ where: { questionId, status: "published", deletedAt: null }, orderBy: { publishedAt: "desc" } })),
    inFlightFor: async (questionId, postedAs) =>
      (await db.answer.findMany({ where: { questionId, postedAs, status: { in: ["queued", "publishing"] } } })).map(toAnswer),
    publishedBy: async (questionId, employeeId) =>
      (await db.answer.findMany({ where: { questionId, employeeId, status: "published", deletedAt: null }, orderBy: { publishedAt: "desc" } })).map(toAnswer),
    async auditChange(entry) {
      await db.answerChangeAudit.create({ data: entry });
    },
  };
}

function nullable<T extends { status: string }>(row: T | null) {
  return row ? toAnswer(row) : null;
}
