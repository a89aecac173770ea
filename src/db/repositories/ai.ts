import type { Db } from "./db";
import type { AiRepo } from "../../core/ai";

export function aiRepo(db: Db): AiRepo {
  return {
    async record(call) {
      await db.aiCall.create({ data: call });
    },
    async tokensSince(since) {
      const sum = await db.aiCall.aggregate({ where: { at: { gte: since } }, _sum: { promptTokens: true, completionTokens: true } });
      return (sum._sum.promptTokens ?? 0) + (sum._sum.completionTokens ?? 0);
    },
    async enabled(community) {
      const row = await db.communitySetting.findUnique({ where: { community } });
      return row?.aiEnabled ?? true;
    },
    async setEnabled(community, enabled, by) {
      await db.communitySetting.upsert({
        where: { community },
        create: { community, aiEnabled: enabled, updatedBy: by },
        update: { aiEnabled: enabled, updatedBy: by },
      });
    },
  };
}
