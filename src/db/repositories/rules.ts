import type { Db } from "./db";
import type { RuleRepo } from "../../core/routing";

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

export function ruleRepo(db: Db): RuleRepo {
  const list = () =>
    db.routingRule.findMany({ orderBy: [{ priority: "asc" }, { id: "asc" }], include: { targets: { select: { surface: true, channelId: true } } } });
  return {
    list,
    async add({ target, ...rule }) {
      const twin = (await list()).find(
        (other) =>
          other.priority === rule.priority &&
          other.promiseMinutes === (rule.promiseMinutes ?? null) &&
          other.escalateTo === (rule.escalateTo ?? null) &&
          sameSet(other.categories, rule.categories) &&
          sameSet(other.tags, rule.tags) &&
          sameSet(other.keywords, rule.keywords) &&
          sameSet(other.languages, rule.languages),
      );
      if (twin) {
        await db.routingTarget.upsert({
          where: { ruleId_surface_channelId: { ruleId: twin.id, ...target } },
          create: { ruleId: twin.id, ...target },
          update: {},
        });
        const merged = await db.routingRule.findUniqueOrThrow({ where: { id: twin.id }, include: { targets: { select: { surface: true, channelId: true } } } });
        return { rule: merged, merged: true };
      }
      const created = await db.routingRule.create({
        data: { ...rule, targets: { create: [target] } },
        include: { targets: { select: { surface: true, channelId: true } } },
      });
      return { rule: created, merged: false };
    },
    async update(id, rule, targets) {
      const { count } = await db.routingRule.updateMany({ where: { id }, data: rule });
      if (!count) return null;
      if (targets) {
        await db.routingTarget.deleteMany({ where: { ruleId: id } });
        await db.routingTarget.createMany({ data: targets.map((target) => ({ ruleId: id, ...target })), skipDuplicates: true });
      }
      return db.routingRule.findUniqueOrThrow({ where: { id }, include: { targets: { select: { surface: true, channelId: true } } } });
    },
    async remove(id) {
      const { count } = await db.routingRule.deleteMany({ where: { id } });
      return count === 1;
    },
  };
}
