// What the outbox still holds and why each item waits: read from the database, classified against the app
// process now running (a lane lease taken before that process started was taken by a process that is gone).
import type { SqlRunner } from "../../src/db/connect";
import { lanes } from "../../src/core/kernel/lanes";

export interface Waiting {
  id: string;
  kind: string;
  lane: string;
  /** The community topic the item works for, where its payload leads to one. */
  topicId: number | null;
  attempts: number;
  /** An attempt that ended in an error (null: every counted attempt was cut off, or none was made). */
  lastError: string | null;
  /** Milliseconds until the item is due (negative: overdue). */
  dueInMs: number;
  /** Milliseconds until its lane may run again (pacing, or its head's back-off). */
  laneNextInMs: number;
  lockedBy: string | null;
  /** Milliseconds left on the lane's lease (null: not leased). */
  leaseLeftMs: number | null;
  /** The oldest pending item of its lane: an in-order lane runs only this one. */
  head: boolean;
}

/** The app process now running (null: none runs): when it was spawned, and how long its lane leases last. */
export type LiveProcess = { since: number; leaseMs: number } | null;

const NOW = `timezone('UTC', now())`;
const msUntil = (column: string) => `(EXTRACT(EPOCH FROM ${column} - ${NOW}) * 1000)::float8`;
const topicOf = (id: string) => `(SELECT q."topicId" FROM ${id})`;

/** Every pending item with its lane's state, as of one instant of the database's clock. */
export async function readWaiting(sql: SqlRunner): Promise<Waiting[]> {
  return sql.query<Waiting>(
    `SELECT o.id::text AS id, o.kind, o.lane, o.attempts, o."lastError",
            ${msUntil(`o."nextAttemptAt"`)} AS "dueInMs", COALESCE(${msUntil(`l."nextAt"`)}, 0) AS "laneNextInMs",
            l."lockedBy", CASE WHEN l."lockedUntil" > ${NOW} THEN ${msUntil(`l."lockedUntil"`)} END AS "leaseLeftMs",
            o.id = (SELECT MIN(h.id) FROM "OutboxItem" h WHERE h.lane = o.lane AND h.status = 'pending') AS head,
            COALESCE((o.payload #>> '{event,topic,topicId}')::int, (o.payload #>> '{event,post,topicId}')::int, (o.payload #>> '{form,topicId}')::int,
              ${topicOf(`"Question" q WHERE q.id = o.payload ->> 'questionId'`)},
              ${topicOf(`"Card" c JOIN "Question" q ON q.id = c."questionId" WHERE c.id = o.payload ->> 'cardId'`)},
              ${topicOf(`"Answer" a JOIN "Question" q ON q.id = a."questionId" WHERE a.id = o.payload ->> 'answerId'`)}) AS "topicId"
     FROM "OutboxItem" o LEFT JOIN "OutboxLane" l ON l.name = o.lane
     WHERE o.status = 'pending' ORDER BY o.lane, o.id`,
  );
}

/** True when the lane's lease was taken before the running process started, so by one that was killed. */
export function leasedByDeadProcess(item: Waiting, live: LiveProcess, sampledAt = Date.now()): boolean {
  if (item.leaseLeftMs === null) return false;
  return live === null || sampledAt - (live.leaseMs - item.leaseLeftMs) < live.since;
}

/** Why the item has not run yet, first cause first (a lease holds its whole lane; the running process runs one item of it). */
export function reasonOf(item: Waiting, live: LiveProcess, sampledAt = Date.now()): string {
  if (leasedByDeadProcess(item, live, sampledAt)) return "lane leased by a dead process";
  if (item.dueInMs > 0) return item.attempts === 0 ? "not due yet (never tried)" : `backing off (attempt ${item.attempts})`;
  if (!item.head && (item.leaseLeftMs !== null || !lanes.isUnordered(item.lane))) return "queued in its lane";
  if (item.leaseLeftMs !== null) return "running";
  if (item.laneNextInMs > 0) return "paced";
  return "due";
}

export interface ReasonCount {
  reason: string;
  items: number;
  /** Items per lane, most first. */
  lanes: Array<[string, number]>;
}

/** Items and their lanes by reason, most items first. */
export function countReasons(items: Waiting[], live: LiveProcess, sampledAt = Date.now()): ReasonCount[] {
  const byReason = new Map<string, Map<string, number>>();
  for (const item of items) {
    const reason = reasonOf(item, live, sampledAt);
    const lanesOf = byReason.get(reason) ?? new Map<string, number>();
    lanesOf.set(item.lane, (lanesOf.get(item.lane) ?? 0) + 1);
    byReason.set(reason, lanesOf);
  }
  return [...byReason]
    .map(([reason, lanesOf]) => ({ reason, items: [...lanesOf.values()].reduce((sum, n) => sum + n, 0), lanes: [...lanesOf].sort((a, b) => b[1] - a[1]) }))
    .sort((a, b) => b.items - a.items);
}

const TOP_LANES = 3;

/** "12 pending: lane leased by a dead process 9 (route:1 6, jobs 3), paced 3 (…); 4 with attempts counted but none failed" */
export function summarize(items: Waiting[], live: LiveProcess, sampledAt = Date.now()): string {
  const reasons = countReasons(items, live, sampledAt).map(({ reason, items: n, lanes: l }) => {
    const shown = l.slice(0, TOP_LANES).map(([lane, count]) => `${lane} ${count}`);
    return `${reason} ${n} (${[...shown, ...(l.length > TOP_LANES ? [`${l.length - TOP_LANES} more lanes`] : [])].join(", ")})`;
  });
  const cutOff = items.filter((item) => item.attempts > 0 && item.lastError === null && reasonOf(item, live, sampledAt) !== "running").length;
  return `${items.length} pending${reasons.length ? `: ${reasons.join(", ")}` : ""}${cutOff ? `; ${cutOff} with attempts counted but none failed (cut off by kills)` : ""}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One line per item: what, where, how often tried, when due, its lane's lease, and why it waits. */
export function describe(item: Waiting, live: LiveProcess, sampledAt = Date.now()): string {
  const tried =
    item.attempts === 0
      ? "never tried"
      : `${item.attempts} attempt(s)${item.lastError === null ? ", none failed" : `, last error: ${item.lastError.slice(0, 80)}`}`;
  const lease = item.leaseLeftMs === null ? "lane not leased" : `lane leased by ${String(item.lockedBy).slice(0, 8)} for ${seconds(item.leaseLeftMs)} more`;
  const due = item.dueInMs > 0 ? `due in ${seconds(item.dueInMs)}` : `due ${seconds(-item.dueInMs)} ago`;
  return `#${item.id} ${item.kind} on ${item.lane}${item.topicId === null ? "" : ` (topic ${item.topicId})`}: ${tried}; ${due}; ${lease} → ${reasonOf(item, live, sampledAt)}`;
}
