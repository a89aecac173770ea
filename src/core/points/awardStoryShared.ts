// Sharing a customer story to open a meeting earns points, a limited number of times a day: the day's slots are
// source keys, so a retried or repeated command never pays more than the limit.
import { DateTime } from "luxon";
import type { CoreDeps } from "../deps";
import type { Employee } from "../kernel/model";
import { awardPoints } from "./awardPoints";
import { pointRules } from "./pointRules";

/** Points written for this share (0 when today's limit was reached). */
export async function awardStoryShared(deps: Pick<CoreDeps, "store" | "clock" | "settings">, employee: Employee, storyId: string): Promise<number> {
  const now = deps.clock.now();
  const day = DateTime.fromJSDate(now, { zone: deps.settings.timezone }).toISODate();
  return deps.store.transaction(async (tx) => {
    const rules = await pointRules(tx);
    for (let slot = 1; slot <= rules.stories_per_day; slot++) {
      const paid = await awardPoints(deps, tx, rules, {
        employeeId: employee.id,
        points: rules.story_shared,
        reason: `story_shared (story ${storyId})`,
        sourceKey: `story_shared:${employee.id}:${day}:${slot}`,
        occurredAt: now,
      });
      if (paid !== null) return paid;
    }
    return 0;
  });
}
