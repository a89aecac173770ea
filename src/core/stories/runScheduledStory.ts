// Outbox handler for one slot of a story schedule: on time, it shares a story; late, it lets the slot go.
import type { CoreDeps } from "../deps";
import { shareStory } from "./shareStory";

/** A story for a meeting that started long ago helps no one: after downtime, such slots are skipped. */
export const MAX_STORY_DELAY_MS = 15 * 60_000;

export async function runScheduledStory(deps: Pick<CoreDeps, "store" | "clock">, scheduleId: number, slot: Date): Promise<string> {
  const lateMs = deps.clock.now().getTime() - slot.getTime();
  if (lateMs > MAX_STORY_DELAY_MS) {
    return `skipped: story schedule #${scheduleId} slot ${slot.toISOString()} is ${Math.round(lateMs / 60_000)} min late`;
  }
  const schedule = await deps.store.storySchedules.byId(scheduleId);
  if (!schedule) return `skipped: story schedule #${scheduleId} was stopped`;
  const target = { surface: schedule.surface, channelId: schedule.channelId };
  const story = await shareStory(deps, target, `schedule:${scheduleId}:${slot.toISOString()}`);
  return story ? `story chosen for schedule #${scheduleId}` : `no new story for schedule #${scheduleId}: none fits, or this slot chose one already`;
}
