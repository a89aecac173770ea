import type { RuleRepo } from "../../core/ports";
import type { Db } from "./db";

export function ruleRepo(db: Db): RuleRepo {
  return {
    list: () => db.routingRule.findMany({ orderBy: [{ priority: "asc" }, { id: "asc" }] }),
    add: (rule) => db.routingRule.create({ data: rule }),
    async remove(id) {
      const { count } = await db.routingRule.deleteMany({ where: { id } });
      return count === 1;
    },
  };
}
