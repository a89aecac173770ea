// The outbox for operators: counts per lane, the unfinished items, and retrying one given up. "In flight" is an item
// begun (starts ahead of attempts) in a lane whose lease still holds; one begun under a lease that ran out was cut
// off and waits for its next run.
import type { Db } from "./db";
import type { OperationsRepo, OutboxItemState } from "../../core/operations";

type UnfinishedState = OutboxItemState["state"];
import { POLLED_DELIVERY_PREFIX } from "../../core/questions";
import type { OutboxNudge } from "./outbox";

const NOW = `timezone('UTC', now())`;
const STATE = `CASE WHEN o.status = 'dead' THEN 'given_up' WHEN o.status = 'done' THEN 'done'
                    WHEN o.starts > o.attempts AND l."lockedUntil" > ${NOW} THEN 'in_flight' ELSE 'waiting' END`;

type ItemRow = Omit<OutboxItemState, "id" | "attempts"> & { id: bigint; attempts: number | bigint };

const itemState = (row: ItemRow): OutboxItemState => ({ ...row, id: String(row.id), attempts: Number(row.attempts) });

export function operationsRepo(db: Db, nudge: OutboxNudge): OperationsRepo {
  return {
    async laneDepths() {
      const rows = await db.$queryRawUnsafe<Array<{ lane: string; waiting: bigint; inFlight: bigint; givenUp: bigint; leasedUntil: Date | null }>>(
        `SELECT lane, COUNT(*) FILTER (WHERE state = 'waiting') AS waiting, COUNT(*) FILTER (WHERE state = 'in_flight') AS "inFlight",
                COUNT(*) FILTER (WHERE state = 'given_up') AS "givenUp", MAX("leasedUntil") AS "leasedUntil"
         FROM (SELECT o.lane, ${STATE} AS state, CASE WHEN l."lockedUntil" > ${NOW} THEN l."lockedUntil" END AS "leasedUntil"
               FROM "OutboxItem" o LEFT JOIN "OutboxLane" l ON l.name = o.lane WHERE o.status IN ('pending', 'dead')) items
         GROUP BY lane ORDER BY lane`,
      );
      return rows.map((row) => ({ ...row, waiting: Number(row.waiting), inFlight: Number(row.inFlight), givenUp: Number(row.givenUp) }));
    },
    async unfinished(limit) {
      const rows = await db.$queryRawUnsafe<ItemRow[]>(
        `SELECT o.id, o.kind, o.lane, ${STATE} AS state, o.attempts, o."nextAttemptAt", o."lastError", o."createdAt", o."doneAt"
         FROM "OutboxItem" o LEFT JOIN "OutboxLane" l ON l.name = o.lane
         WHERE o.status IN ('pending', 'dead') ORDER BY o.id DESC LIMIT $1`,
        limit,
      );
      return rows.map(itemState);
    },
    async retry(id) {
      // The row as it was, given up; then waiting again, due now, and its lane due now too.
      const [was] = await db.$queryRawUnsafe<ItemRow[]>(
        `WITH was AS (SELECT o.* FROM "OutboxItem" o WHERE o.id = $1::bigint AND o.status = 'dead' FOR UPDATE)
         UPDATE "OutboxItem" o SET status = 'pending', attempts = 0, starts = 0, "nextAttemptAt" = ${NOW}, "doneAt" = NULL
         FROM was WHERE o.id = was.id
         RETURNING was.id, was.kind, was.lane, 'given_up' AS state, was.attempts, was."nextAttemptAt", was."lastError", was."createdAt", was."doneAt"`,
        id,
      );
      if (!was) {
        const [other] = await db.$queryRawUnsafe<Array<{ state: UnfinishedState | "done" }>>(
          `SELECT ${STATE} AS state FROM "OutboxItem" o LEFT JOIN "OutboxLane" l ON l.name = o.lane WHERE o.id = $1::bigint`,
          id,
        );
        return other ? { refused: "not_given_up", state: other.state } : { refused: "not_found" };
      }
      await db.$executeRawUnsafe(
        `INSERT INTO "OutboxLane" (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET "nextAt" = LEAST("OutboxLane"."nextAt", ${NOW})`,
        was.lane,
      );
      nudge();
      return { retried: itemState(was) };
    },
    async lastWebhook(community) {
      const [row] = await db.$queryRawUnsafe<Array<{ at: Date | null }>>(
        `SELECT MAX("receivedAt") AS at FROM "InboundEvent" WHERE source = $1 AND "deliveryId" NOT LIKE $2`,
        community,
        `${POLLED_DELIVERY_PREFIX}%`,
      );
      return row?.at ?? null;
    },
  };
}
