// Drops processed inbound events and done outbox work older than the retention period (dead work stays for
// operators), and console sessions past their end.
import type { JobHandlers } from "../outbox/jobHandlers";
import type { RetentionJob } from "./retentionJobs";

const DAY_MS = 86_400_000;

export const retentionJobHandlers: JobHandlers<RetentionJob> = {
  "retention.sweep": async (deps) => {
    const before = new Date(deps.clock.now().getTime() - deps.settings.retentionDays * DAY_MS);
    const dropped = await deps.store.retention.sweep(before);
    const sessions = await deps.store.consoleSessions.removeExpired(deps.clock.now());
    return `dropped ${dropped.inboundEvents} inbound events, ${dropped.outboxItems} outbox items and ${sessions} console sessions`;
  },
};
