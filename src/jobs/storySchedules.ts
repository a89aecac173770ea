// Story schedules from the database, each a node-cron task in its own timezone. Every replica times every
// schedule; a firing only enqueues work keyed by schedule and slot, so N replicas post one story.
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { ScheduleTimers } from "../core/ports";
import type { CoreStore } from "../core/deps";
import type { StorySchedule } from "../core/kernel/model";
import { cronOf } from "../core/stories";
import { slotKey } from "./scheduler";
import { lanes } from "../core/kernel/lanes";

/** Schedules added or stopped on another replica reach this one within a minute; mid-minute, away from the slots. */
const SYNC_CRON = "30 * * * * *";

/** One run of a schedule: the slot is the minute it fired for, the same on every replica. */
export async function enqueueStoryRun(store: CoreStore, schedule: StorySchedule, firedAt: Date): Promise<void> {
  const slot = new Date(Math.floor(firedAt.getTime() / 60_000) * 60_000);
  await store.outbox.enqueue(
    { kind: "story.scheduled", scheduleId: schedule.id, slot },
    { lane: lanes.channel(schedule.surface, schedule.channelId), dedupeKey: slotKey(`story-${schedule.id}`, slot) },
  );
}

export class StoryTimers implements ScheduleTimers {
  private readonly tasks = new Map<number, ScheduledTask>();
  private syncing: Promise<void> = Promise.resolve();
  private syncTask: ScheduledTask | null = null;

  constructor(
    private readonly store: CoreStore,
    private readonly logger: Logger,
  ) {}

  /** Times the stored schedules, and keeps up with changes other replicas make. */
  async start(): Promise<void> {
    this.syncTask = cron.schedule(SYNC_CRON, () => this.reload(), { name: "story-schedules-sync" });
    await this.sync();
  }

  reload(): void {
    void this.sync().catch((error: unknown) => this.logger.warn({ err: error }, "could not load story schedules"));
  }

  /** Starts timers for stored schedules that have none, and stops those whose schedule is gone. */
  sync(): Promise<void> {
    // One sync at a time: two at once could both start a timer for the same new schedule.
    this.syncing = this.syncing
      .catch(() => undefined)
      .then(async () => {
        const schedules = await this.store.storySchedules.list();
        const wanted = new Set(schedules.map((schedule) => schedule.id));
        for (const [id, task] of this.tasks) {
          if (wanted.has(id)) continue;
          void task.destroy();
          this.tasks.delete(id);
        }
        for (const schedule of schedules) {
          if (this.tasks.has(schedule.id)) continue;
          this.tasks.set(
            schedule.id,
            cron.schedule(cronOf(schedule), (context) => this.fire(schedule, context.date), { timezone: schedule.timezone, name: `story-${schedule.id}` }),
          );
        }
      });
    return this.syncing;
  }

  /** The ids of the schedules this replica times now. */
  timed(): number[] {
    return [...this.tasks.keys()].sort((a, b) => a - b);
  }

  async fire(schedule: StorySchedule, at: Date): Promise<void> {
    try {
      await enqueueStoryRun(this.store, schedule, at);
    } catch (error) {
      this.logger.warn({ err: error, schedule: schedule.id }, "could not enqueue a scheduled story");
    }
  }

  stop(): void {
    void this.syncTask?.destroy();
    for (const task of this.tasks.values()) void task.destroy();
    this.tasks.clear();
  }
}
