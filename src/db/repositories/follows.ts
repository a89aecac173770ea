import type { Db } from "./db";
import type { FollowRepo } from "../../core/expertise";

export function followRepo(db: Db): FollowRepo {
  return {
    async add(employeeId, topic) {
      await db.follow.upsert({ where: { employeeId_topic: { employeeId, topic } }, create: { employeeId, topic }, update: {} });
    },
    async remove(employeeId, topic) {
      const { count } = await db.follow.deleteMany({ where: { employeeId, topic } });
      return count === 1;
    },
    of: async (employeeId) => (await db.follow.findMany({ where: { employeeId }, orderBy: { topic: "asc" } })).map((row) => row.topic),
    all: async () =>
      (await db.follow.findMany({ include: { employee: true }, orderBy: [{ topic: "asc" }, { employeeId: "asc" }] })).map(({ employee, topic }) => ({
        employee,
        topic,
      })),
  };
}
