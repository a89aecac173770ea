import type { IdeaRepo } from "../../core/ports";
import { withoutId, type Db } from "./db";

export function ideaRepo(db: Db): IdeaRepo {
  return {
    byId: (id) => db.ideaUpdate.findUnique({ where: { id } }),
    bySubmissionKey: (submissionKey) => db.ideaUpdate.findUnique({ where: { submissionKey } }),
    create: (update) => db.ideaUpdate.create({ data: update }),
    update: (id, patch) => db.ideaUpdate.update({ where: { id }, data: withoutId(patch) }),
    async isOurs(questionId, postId, username) {
      const found = await db.ideaUpdate.findFirst({
        where: { questionId, OR: [{ communityPostId: postId }, { postedAs: username, state: { in: ["queued", "publishing"] } }] },
        select: { id: true },
      });
      return found !== null;
    },
  };
}
