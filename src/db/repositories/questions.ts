import type { QuestionRepo } from "../../core/ports";
import { withoutId, type Db } from "./db";

export function questionRepo(db: Db): QuestionRepo {
  return {
    byId: (id) => db.question.findUnique({ where: { id } }),
    byTopic: (community, topicId) => db.question.findUnique({ where: { community_topicId: { community, topicId } } }),
    async upsert(community, topicId, facts) {
      const data = withoutId(facts);
      return db.question.upsert({
        where: { community_topicId: { community, topicId } },
        create: { ...data, community, topicId },
        update: data,
      });
    },
    update: (id, patch) => db.question.update({ where: { id }, data: withoutId(patch) }),
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
    openClaimsOf: (employeeId, now) =>
      db.question.findMany({ where: { claimedById: employeeId, claimExpiresAt: { gt: now }, status: "open" }, orderBy: { claimExpiresAt: "asc" } }),
  };
}
