// Scheduled work with node-cron. Every replica runs the same schedule; each tick only enqueues durable
// work keyed by its time slot, so N replicas produce one item and the outbox runs it once.
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { CoreStore } from "../core/deps";
import { type OutboxMessage } from "../core/outbox/messages";
import { lanes } from "../core/kernel/lanes";

export interface ScheduledJob {
  name: string;
  cron: string;
  message: OutboxMessage;
  lane: string;
}

export function communityJobs(community: string, pollCron: string): ScheduledJob[] {
  return [
    { name: "expire-claims", cron: "* * * * *", message: { kind: "claims.expire" }, lane: lanes.jobs() },
    { name: "check-promises", cron: "* * * * *", message: { kind: "promises.check" }, lane: lanes.jobs() },
    { name: "poll-community", cron: pollCron, message: { kind: "community.poll" }, lane: lanes.community(community) },
    // Daily, at a quiet hour: what is kept only for ADVOCATE_RETENTION_DAYS goes.
    { name: "retention-sweep", cron: "17 3 * * *", message: { kind: "retention.sweep" }, lane: lanes.jobs() },
  ];
}

/** The slot a tick belongs to, to the minute: the same for every replica that fires at that time. */
export function slotKey(job: string, at: Date): string {
  return `job:${job}:${at.toISOString().slice(0, 16)}`;
}

export function startScheduler(jobs: ScheduledJob[], store: CoreStore, logger: Logger, timezone: string): { stop(): void } {
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        try {
          await store.outbox.enqueue(job.message, { lane: job.lane, dedupeKey: slotKey(job.name, new Date()) });
        } catch (error) {
          logger.warn({ err: error, job: job.name }, "could not enqueue scheduled job");
        }
      },
      { timezone, name: job.name },
    ),
  );
  return {
    stop: () => {
      for (const task of tasks) void task.stop();
    },
  };
}
