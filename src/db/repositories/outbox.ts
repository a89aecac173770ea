import type { OutboxRepo } from "../../core/ports";
import type { Db } from "./db";

/** Called after a commit that enqueued work, so an idle worker wakes at once instead of at its next poll. */
export type OutboxNudge = () => void;

export function outboxRepo(db: Db, afterEnqueue: OutboxNudge): OutboxRepo {
  return {
    async enqueue(message, { lane, dedupeKey, delayMs }) {
      // ON CONFLICT: enqueueing the same work twice is a no-op and keeps the transaction usable.
      await db.$executeRawUnsafe(
        `INSERT INTO "OutboxItem" (kind, lane, payload, "dedupeKey", "nextAttemptAt") VALUES ($1, $2, $3::jsonb, $4, timezone('UTC', now()) + ($5::int * interval '1 millisecond')) ON CONFLICT ("dedupeKey") DO NOTHING`,
        message.kind,
        lane,
        JSON.stringify(message),
        dedupeKey ?? null,
        delayMs ?? 0,
      );
      await db.$executeRawUnsafe(`INSERT INTO "OutboxLane" (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, lane);
      afterEnqueue();
    },
  };
}
