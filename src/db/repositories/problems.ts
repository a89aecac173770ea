import type { Db } from "./db";
import type { ProblemRepo } from "../../core/problems";

export function problemRepo(db: Db): ProblemRepo {
  return {
    recentGroups: (since) => db.problemGroup.findMany({ where: { questions: { some: { postedAt: { gte: since } } } }, orderBy: { id: "asc" } }),
    create: (group) => db.problemGroup.create({ data: group }),
    members: (groupId, since) =>
      db.question.findMany({ where: { problemGroupId: groupId, postedAt: { gte: since } }, orderBy: { postedAt: "asc" }, select: { title: true, url: true } }),
    async markAlerted(groupId, at, quietSince) {
      const { count } = await db.problemGroup.updateMany({
        where: { id: groupId, OR: [{ alertedAt: null }, { alertedAt: { lt: quietSince } }] },
        data: { alertedAt: at },
      });
      return count === 1;
    },
  };
}
