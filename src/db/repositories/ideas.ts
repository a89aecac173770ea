import { withoutId, type Db } from "./db";
import { toIdeaUpdate } from "./states";
import type { IdeaRepo } from "../../core/ideas";

export function ideaRepo(db: Db): IdeaRepo {
  return {
    byId: async (id) => nullable(await db.ideaUpdate.findUnique({ where: { id } })),
    bySubmissionKey: async (submissionKey) => nullable(await db.ideaUpdate.findUnique({ where: { submissionKey } })),
    create: async (update) => toIdeaUpdate(await db.ideaUpdate.create({ data: update })),
    update: async (id, patch) => toIdeaUpdate(await db.ideaUpdate.update({ where: { id }, data: withoutId(patch) })),
    async isOurs(questionId, postId, username) {
      const found = await db.ideaUpdate.findFirst({
        where: { questionId, OR: [{ communityPostId: postId }, { postedAs: username, state: { in: ["queued", "publishing"] } }] },
        select: { id: true },
      });
      return found !== null;
    },
  };
}

function nullable<T extends { state: string }>(row: T | null) {
  return row ? toIdeaUpdate(row) : null;
}
