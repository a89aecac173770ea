import type { Db } from "./db";
import type { PointRuleRepo } from "../../core/points";

export function pointRuleRepo(db: Db): PointRuleRepo {
  return {
    async all() {
      const rows = await db.pointRule.findMany();
      return Object.fromEntries(rows.map((row) => [row.name, row.value]));
    },
    async set(name, value, updatedBy) {
      await db.pointRule.upsert({ where: { name }, create: { name, value, updatedBy }, update: { value, updatedBy } });
    },
  };
}
