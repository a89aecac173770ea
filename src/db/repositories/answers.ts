import type { AnswerRepo } from "../../core/ports";
import { withoutId, type Db } from "./db";

export function answerRepo(db: Db): AnswerRepo {
  return {
    byId: (id) => db.answer.findUnique({ where: { id } }),
    bySubmissionKey: (submissionKey) => db.answer.findUnique({ where: { submissionKey } }),
    create: (answer) => db.answer.create({ data: answer }),
    update: (id, patch) => db.answer.update({ where: { id }, data: withoutId(patch) }),
    byCommunityPost: (communityPostId) => db.answer.findFirst({ where: { communityPostId } }),
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
    inFlightFor: (questionId, postedAs) => db.answer.findMany({ where: { questionId, postedAs, status: { in: ["queued", "publishing"] } } }),
  };
}
