import type { OutboxRepo } from "../../core/ports";
import type { Db } from "./db";

/** Called after a commit that enqueued work, so an idle worker wakes at once instead of at its next poll. */
export type OutboxNudge = () => void;

export function outboxRepo(db: Db, afterEnqueue: OutboxNudge): OutboxRepo {
  return {
    async enqueue(message, { lane, dedupeKey, delayMs, coalesce, expedite }) {
      // ON CONFLICT: enqueueing the same work twice is a no-op and keeps the transaction usable. Coalescing skips
      // it when the same message waits behind the lane's head (the head may be running on the old state already).
      // One statement with its lane's row: one turn of the embedded database's one session, not two.
      await db.$executeRawUnsafe(
        `WITH lane AS (INSERT INTO "OutboxLane" (name) VALUES ($2) ON CONFLICT (name) DO NOTHING)
         INSERT INTO "OutboxItem" (kind, lane, payload, "dedupeKey", "nextAttemptAt")
         SELECT $1, $2, $3::jsonb, $4, timezone('UTC', now()) + ($5::int * interval '1 millisecond')
         WHERE NOT $6::boolean OR NOT EXISTS (
           SELECT 1 FROM "OutboxItem" o WHERE o.lane = $2 AND o.status = 'pending' AND o.payload = $3::jsonb
             AND o.id > (SELECT MIN(h.id) FROM "OutboxItem" h WHERE h.lane = $2 AND h.status = 'pending'))
         ON CONFLICT ("dedupeKey") DO NOTHING`,
        message.kind,
        lane,
        JSON.stringify(message),
        dedupeKey ?? null,
        delayMs ?? 0,
        coalesce ?? false,
      );
      if (expedite && dedupeKey) {
        // The same work already waiting for a later time is brought forward, and its lane with it.
        const due = `timezone('UTC', now()) + ($2::int * interval '1 millisecond')`;
        await db.$executeRawUnsafe(
          `UPDATE "OutboxItem" SET "nextAttemptAt" = ${due} WHERE "dedupeKey" = $1 AND status = 'pending' AND "nextAttemptAt" > ${due}`,
          dedupeKey,
          delayMs ?? 0,
        );
        await db.$executeRawUnsafe(`UPDATE "OutboxLane" SET "nextAt" = ${due} WHERE name = $1 AND "nextAt" > ${due}`, lane, delayMs ?? 0);
      }
      afterEnqueue();
    },
  };
}
