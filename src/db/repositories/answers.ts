import type { AnswerRepo } from "../../core/ports";
import { withoutId, type Db } from "./db";

export function answerRepo(db: Db): AnswerRepo {
  return {
    byId: (id) => db.answer.findUnique({ where: { id } }),
    bySubmissionKey: (submissionKey) => db.answer.findUnique({ where: { submissionKey } }),
    create: (answer) => db.answer.create({ data: answer }),
    update: (id, patch) => db.answer.update({ where: { id }, data: withoutId(patch) }),
    byCommunityPost: (communityPostId) => db.answer.findFirst({ where: { communityPostId } }),
    inFlightFor: (questionId, postedAs) => db.answer.findMany({ where: { questionId, postedAs, status: { in: ["queued", "publishing"] } } }),
  };
}
