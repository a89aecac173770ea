import { withoutId, type Db } from "./db";
import { hotReads } from "./hotReads";
import { questionData, toQuestion } from "./questionRow";
import type { QuestionRepo } from "../../core/questions";

export function questionRepo(db: Db): QuestionRepo {
  return {
    byId: async (id) => nullable(await hotReads(db).questionById(id)),
    byTopic: async (community, topicId) => nullable(await hotReads(db).questionByTopic(community, topicId)),
    async upsert(community, topicId, facts) {
      const data = questionData(withoutId(facts));
      return toQuestion(
        await db.question.upsert({
          where: { community_topicId: { community, topicId } },
          create: { ...data, community, topicId },
          update: data,
        }),
      );
    },
    update: async (id, patch) => toQuestion(await db.question.update({ where: { id }, data: questionData(withoutId(patch)) })),
    async tryClaim(id, employeeId, until, now) {
      const { count } = await db.question.updateMany({
        where: {
          id,
          status: "open",
          OR: [{ claimedById: null }, { claimExpiresAt: { lt: now } }, { claimedById: employeeId }],
        },
        data: { claimedById: employeeId, claimExpiresAt: until },
      });
      return count === 1;
    },
    async release(id, employeeId) {
      const { count } = await db.question.updateMany({ where: { id, claimedById: employeeId }, data: { claimedById: null, claimExpiresAt: null } });
      return count === 1;
    },
    async expireClaims(now) {
      const expired = await db.question.findMany({ where: { claimExpiresAt: { lt: now } }, select: { id: true } });
      if (!expired.length) return [];
      const ids = expired.map((q) => q.id);
      await db.question.updateMany({ where: { id: { in: ids }, claimExpiresAt: { lt: now } }, data: { claimedById: null, claimExpiresAt: null } });
      return ids;
    },
    openPromises: async () =>
      (
        await db.question.findMany({
          where: { status: "open", promiseMinutes: { not: null }, firstAnsweredAt: null, promiseStage: { lt: 3 } },
          orderBy: { postedAt: "asc" },
        })
      ).map(toQuestion),
    openClaimsOf: async (employeeId, now) =>
      (await db.question.findMany({ where: { claimedById: employeeId, claimExpiresAt: { gt: now }, status: "open" }, orderBy: { claimExpiresAt: "asc" } })).map(
        toQuestion,
      ),
    latest: async (limit) => (await db.question.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit })).map(toQuestion),
  };
}

function nullable<T extends Parameters<typeof toQuestion>[0]>(row: T | null) {
  return row ? toQuestion(row) : null;
}
