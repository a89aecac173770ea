import type { Db } from "./db";
import type { StoryScheduleRepo } from "../../core/stories";

const fields = { id: true, surface: true, channelId: true, days: true, time: true, timezone: true, createdBy: true } as const;

export function storyScheduleRepo(db: Db): StoryScheduleRepo {
  return {
    add: (schedule) => db.storySchedule.create({ data: schedule, select: fields }),
    byId: (id) => db.storySchedule.findUnique({ where: { id }, select: fields }),
    list: () => db.storySchedule.findMany({ orderBy: { id: "asc" }, select: fields }),
    forChannel: ({ surface, channelId }) => db.storySchedule.findMany({ where: { surface, channelId }, orderBy: { id: "asc" }, select: fields }),
    async remove(which) {
      const channel = which.target ? { surface: which.target.surface, channelId: which.target.channelId } : {};
      const where = "id" in which ? { id: which.id, ...channel } : channel;
      const doomed = await db.storySchedule.findMany({ where, select: { id: true } });
      await db.storySchedule.deleteMany({ where: { id: { in: doomed.map((row) => row.id) } } });
      return doomed.map((row) => row.id);
    },
  };
}
