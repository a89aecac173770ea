// Drains the outbox: lanes run one item at a time, in order, paced; several workers (replicas) share the
// work through row locks (FOR UPDATE SKIP LOCKED) and lane leases. A lease ends when its term runs out or, sooner,
// when its holder is gone: the embedded database's one process owns every lease in its folder, and on PostgreSQL
// each worker holds a session-level advisory lock that the server drops the moment the holder's connection dies.
import { randomInt } from "node:crypto";
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client";
import { outboxMessageSchema, type OutboxMessage } from "../core/outbox/messages";
import { PermanentError, RetryableError } from "../core/kernel/errors";
import { backoffMs } from "./backoff";
import type { EnqueuedSignal } from "./enqueuedSignal";

/** A lock held on a connection of its own; `held()` is false while that connection is being replaced. */
export interface LivenessLock {
  held(): boolean;
  release(): Promise<void>;
}

/** How a worker shows it is alive while it holds leases. */
export type WorkerLiveness =
  /** The embedded database: one process per folder, so every lease in it is this worker's own. */
  | { kind: "sole" }
  /** PostgreSQL: a lock held on a connection of its own for as long as the worker lives; `held()` while it is. */
  | { kind: "advisory-lock"; hold(classId: number, key: number): Promise<LivenessLock> };

/** The advisory lock class of outbox workers (the key is the worker's id). */
export const WORKER_LOCK_CLASS = 727275;

export interface OutboxWorkerOptions {
  prisma: PrismaClient;
  liveness: WorkerLiveness;
  handle: (message: OutboxMessage) => Promise<string>;
  /** Work committed in this process: look at once rather than at the next poll. */
  enqueued: EnqueuedSignal;
  logger: Logger;
  /** Minimum gap between two items of a lane, e.g. 1 message per second per Slack channel. */
  paceMs: (lane: string) => number;
  /** Lanes whose items need no order among themselves (each question's routing): the first due item runs. */
  unordered: (lane: string) => boolean;
  pollMs: number;
  leaseMs: number;
  /** Lanes under way at once (each runs one item at a time); also how many one drain() step claims. */
  lanesAtOnce: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Marks the work as nobody's to wait for, so the database serves people first (the embedded one does). */
  background?: <T>(work: () => Promise<T>) => Promise<T>;
}

interface Item {
  id: bigint;
  kind: string;
  payload: unknown;
  attempts: number;
  starts: number;
  nextAttemptAt: Date;
}

/** Begun this often without ever ending, an item is what kills the process (out of memory, say): given up on. */
export const MAX_STARTS_WITHOUT_END = 25;

const NOW = `timezone('UTC', now())`;

export class OutboxWorker {
  /** Also the key of its advisory lock, so the claim query can ask pg_locks whether a lease's holder lives. */
  readonly id = String(randomInt(1, 2 ** 31 - 1));
  private timer: NodeJS.Timeout | null = null;
  private heldLock: LivenessLock | null = null;
  private takenUp: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  /**
   * Lanes this worker runs now. Never claimed again while they run: the database cannot tell, since this worker's
   * lock is gone for a moment when its connection breaks, and a lease it could not give back outlives its attempt.
   * A run still under way after its lease (a statement of its own that never settled) no longer holds its lane.
   */
  private readonly lanesHere = new Map<string, { claimedAt: number }>();
  /** Every tick and lane under way, the loop's and drain()'s alike: stop() waits for them before the database may close. */
  private readonly underWay = new Set<Promise<unknown>>();
  /** The loop's lanes under way, each on its own: a lane paced at one a second is not held up by a slower one. */
  private lanesRunning = 0;
  /** When a lane that ended while the loop was claiming is due again; the loop's next wake-up is no later. */
  private wakeHint = Infinity;
  private timerAt = Infinity;
  private again = false;
  private stopped = true;
  /** Set by stop(): a drain() under way ends after its current tick, before the database closes. */
  private closing = false;
  private stopListening: (() => void) | null = null;

  constructor(private readonly options: OutboxWorkerOptions) {}

  async start(): Promise<void> {
    await this.takeUp();
    this.stopped = false;
    this.closing = false;
    this.stopListening = this.options.enqueued.listen(() => this.nudge());
    this.schedule(0);
  }

  /**
   * Before its first lane: shows it lives (PostgreSQL), or takes up at once every lease a dead process left in the
   * embedded database's folder, which this process alone may open.
   */
  private takeUp(): Promise<void> {
    this.takenUp ??= (async () => {
      const { liveness, prisma } = this.options;
      if (liveness.kind === "sole")
        await prisma.$executeRawUnsafe(`UPDATE "OutboxLane" SET "lockedUntil" = NULL, "lockedBy" = NULL WHERE "lockedBy" IS NOT NULL`);
      else this.heldLock = await liveness.hold(WORKER_LOCK_CLASS, Number(this.id));
    })();
    return this.takenUp;
  }

  /** New work was committed: look now rather than at the next poll. */
  private nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    this.stopListening?.();
    this.stopListening = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await Promise.allSettled([...this.underWay]);
    await this.takenUp;
    await this.heldLock?.release();
    this.heldLock = null;
    this.takenUp = null;
  }

  /**
   * A lane is free, unless this worker runs it now (their names are the query's parameter $1), when nobody holds it,
   * its lease ran out, this worker holds it (an attempt whose end could not be written: the database was away), or
   * (PostgreSQL) its holder's lock is gone.
   */
  private get laneFree(): string {
    const free = `(l."lockedUntil" IS NULL OR l."lockedUntil" < ${NOW} OR l."lockedBy" = '${this.id}')`;
    const notHere = `NOT (l.name = ANY($1::text[]))`;
    if (this.options.liveness.kind === "sole") return `${notHere} AND ${free}`;
    return `${notHere} AND (${free} OR NOT EXISTS (SELECT 1 FROM pg_locks k WHERE k.locktype = 'advisory' AND k.granted
              AND k.classid = ${WORKER_LOCK_CLASS} AND k.objsubid = 2 AND k.objid::text = l."lockedBy"))`;
  }

  /**
   * Whether this worker may take leases now. On PostgreSQL only while its lock vouches for them: while the lock's
   * connection is being replaced, other replicas would take a lease it took as free at once.
   */
  private get mayClaim(): boolean {
    return this.options.liveness.kind === "sole" || this.heldLock?.held() === true;
  }

  /** The lanes this worker runs now, within their lease: the claim queries' $1. */
  private runningHere(): string[] {
    const since = Date.now() - this.options.leaseMs;
    return [...this.lanesHere].filter(([, run]) => run.claimedAt > since).map(([lane]) => lane);
  }

  /** Runs until no lane has due work (tests and the demo use this to wait for quiet). */
  async drain(maxRounds = 1000): Promise<void> {
    for (let round = 0; round < maxRounds && !this.closing; round++) {
      if ((await this.tick()) === 0) return;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = Date.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.running = this.loop().finally(() => (this.running = null));
    }, delayMs);
  }

  /** Wakes the loop by `at` (epoch ms) at the latest: never later than a wake-up already set. */
  private wakeBy(at: number): void {
    if (this.stopped) return;
    if (this.running) this.wakeHint = Math.min(this.wakeHint, at);
    else if (at < this.timerAt) this.schedule(Math.max(0, at - Date.now()));
  }

  /**
   * Claims due lanes while there is room and sets each running on its own; a lane that ends wakes the loop when it
   * is due again, so each lane keeps its own pace whatever the others take.
   */
  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.claimMore();
      } while (this.again && !this.stopped);
    } catch (error) {
      this.options.logger.warn({ err: error }, "outbox could not claim lanes; retrying at next poll");
    }
    const next = Math.min(Date.now() + (await this.inBackground(() => this.untilNextDue())), this.wakeHint);
    this.wakeHint = Infinity;
    this.schedule(Math.max(0, next - Date.now()));
  }

  private async claimMore(): Promise<void> {
    const room = this.options.lanesAtOnce - this.lanesRunning;
    if (room <= 0) return;
    await this.takeUp();
    const lanes = await this.inBackground(() => this.claimLanes(room));
    for (const lane of lanes) this.startLane(lane);
  }

  private startLane(lane: string): void {
    this.lanesRunning++;
    const run = this.inBackground(() => this.runClaimed(lane)).then(
      (dueInMs) => this.laneEnded(dueInMs),
      (error: unknown) => {
        this.options.logger.warn({ err: error, lane }, "outbox lane failed; retrying at next poll");
        this.laneEnded(null);
      },
    );
    this.track(run);
  }

  /** A lane ended: its room is free now, and the lane itself is due again in `dueInMs` (null: nothing waits). */
  private laneEnded(dueInMs: number | null): void {
    const wasFull = this.lanesRunning-- >= this.options.lanesAtOnce;
    if (wasFull) this.wakeBy(Date.now());
    if (dueInMs !== null) this.wakeBy(Date.now() + dueInMs);
  }

  private inBackground<T>(work: () => Promise<T>): Promise<T> {
    return this.options.background ? this.options.background(work) : work();
  }

  private track(work: Promise<unknown>): void {
    this.underWay.add(work);
    const forget = () => this.underWay.delete(work);
    work.then(forget, forget);
  }

  /** Sleeps until the first paced lane with work is due again (not a whole poll later), at most a poll. */
  private async untilNextDue(): Promise<number> {
    // Without its lock the worker claims nothing: looking sooner than a poll would only spin.
    if (!this.mayClaim) return this.options.pollMs;
    try {
      const [row] = await this.options.prisma.$queryRawUnsafe<Array<{ ms: number | null }>>(
        `SELECT (EXTRACT(EPOCH FROM MIN(l."nextAt") - ${NOW}) * 1000)::float8 AS ms FROM "OutboxLane" l
         WHERE ${this.laneFree}
           AND EXISTS (SELECT 1 FROM "OutboxItem" o WHERE o.lane = l.name AND o.status = 'pending' AND o."nextAttemptAt" <= l."nextAt")`,
        this.runningHere(),
      );
      const ms = row?.ms;
      return ms === null || ms === undefined ? this.options.pollMs : Math.min(this.options.pollMs, Math.max(5, Math.ceil(ms)));
    } catch {
      return this.options.pollMs;
    }
  }

  /** Claims due lanes and runs the head item of each; returns how many items ran (drain()'s step). */
  tick(): Promise<number> {
    const tick = this.inBackground(async () => {
      await this.takeUp();
      const lanes = await this.claimLanes(this.options.lanesAtOnce);
      await Promise.all(lanes.map((lane) => this.runClaimed(lane)));
      return lanes.length;
    });
    this.track(tick);
    return tick;
  }

  /** Takes the leases of up to `room` due lanes; each is this worker's to run (runClaimed) until it ends. */
  private async claimLanes(room: number): Promise<string[]> {
    if (!this.mayClaim) return [];
    const { prisma, leaseMs } = this.options;
    const rows = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
      `UPDATE "OutboxLane" SET "lockedUntil" = ${NOW} + ($2::int * interval '1 millisecond'), "lockedBy" = $3
       WHERE name IN (
         SELECT l.name FROM "OutboxLane" l
         WHERE l."nextAt" <= ${NOW} AND ${this.laneFree}
           AND EXISTS (SELECT 1 FROM "OutboxItem" o WHERE o.lane = l.name AND o.status = 'pending' AND o."nextAttemptAt" <= ${NOW})
         ORDER BY l."nextAt" LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING name`,
      this.runningHere(),
      leaseMs,
      this.id,
      room,
    );
    const claimedAt = Date.now();
    const lanes = rows.map((row) => row.name);
    for (const lane of lanes) this.lanesHere.set(lane, { claimedAt });
    return lanes;
  }

  /** Runs a lane this worker claimed; it is this worker's until the run ends, whatever became of its lease. */
  private async runClaimed(lane: string): Promise<number> {
    const run = this.lanesHere.get(lane);
    try {
      return await this.runLane(lane);
    } finally {
      // Only its own entry: a run that outlived its lease may end after the lane was claimed again.
      if (this.lanesHere.get(lane) === run) this.lanesHere.delete(lane);
    }
  }

  /** Runs the lane's next item, if one is due; returns when the lane is due again (ms from now). */
  private async runLane(lane: string): Promise<number> {
    const { prisma } = this.options;
    const unordered = this.options.unordered(lane);
    // In-order lanes run their head; unordered ones the oldest item that is due, so a delayed item holds up nothing.
    const pending = `FROM "OutboxItem" WHERE lane = $1 AND status = 'pending'`;
    const next = unordered ? `SELECT id ${pending} AND "nextAttemptAt" <= ${NOW} ORDER BY id LIMIT 1` : `SELECT id ${pending} ORDER BY id LIMIT 1`;
    // The lane's lease makes the item this worker's. Its attempt is counted when it ends, so an attempt cut off by
    // our own death is no failure of the peer's: it runs again at once, without a longer back-off.
    const [item] = await prisma.$queryRawUnsafe<Item[]>(
      `UPDATE "OutboxItem" SET starts = starts + 1
       WHERE id = (${next}) AND "nextAttemptAt" <= ${NOW}
       RETURNING id, kind, payload, attempts + 1 AS attempts, starts, "nextAttemptAt"`,
      lane,
    );
    if (!item) {
      // Nothing due: the lane waits for its next item (an in-order lane for its head, which keeps the order).
      const nextDue = unordered ? `SELECT MIN("nextAttemptAt") ${pending}` : `SELECT "nextAttemptAt" ${pending} ORDER BY id LIMIT 1`;
      await this.releaseLane(lane, `COALESCE((${nextDue}), ${NOW})`);
      // Its next item's time is the database's to say: the loop asks it (untilNextDue) at once.
      return 0;
    }
    return this.runItem(lane, item);
  }

  private async runItem(lane: string, item: Item): Promise<number> {
    const { logger, maxAttempts } = this.options;
    const parsed = outboxMessageSchema.safeParse(item.payload);
    const unrunnable = !parsed.success
      ? `invalid payload: ${parsed.error.message}`
      : item.starts - item.attempts >= MAX_STARTS_WITHOUT_END
        ? `${item.starts - item.attempts} attempts cut off: the process died during each`
        : null;
    if (unrunnable || !parsed.success) {
      logger.error({ outboxId: String(item.id), kind: item.kind, lane, err: unrunnable }, "outbox item given up");
      await this.endAttempt(lane, item, { status: "dead", error: unrunnable }, 0);
      return 0;
    }
    const log = logger.child({ outboxId: String(item.id), kind: item.kind, lane, attempt: item.attempts });
    const startedAt = Date.now();
    try {
      const outcome = await this.withinLease(this.options.handle(parsed.data));
      // Paced from the start of this call to the start of the next, as the peers count (1 a second per channel).
      const wait = Math.max(0, this.options.paceMs(lane) - (Date.now() - startedAt));
      await this.endAttempt(lane, item, { status: "done", error: null }, wait);
      log.debug({ outcome }, "outbox item done");
      return wait;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A peer that says "later" is retried for as long as it takes (capped back-off): nothing is lost.
      // Unexpected errors (bugs, bad data) give up after maxAttempts so they cannot block a lane forever.
      if (error instanceof PermanentError || (!(error instanceof RetryableError) && item.attempts >= maxAttempts)) {
        log.error({ err: message }, "outbox item failed for good");
        await this.endAttempt(lane, item, { status: "dead", error: message }, 0);
        return 0;
      }
      const retryable = error instanceof RetryableError ? error : null;
      const waitMs = Math.max(retryable?.retryAfterMs ?? 0, backoffMs(item.attempts, this.options.backoffBaseMs, this.options.backoffCapMs));
      log.warn({ err: message, retryInMs: waitMs, rateLimited: retryable?.rateLimited ?? false }, "outbox item will be retried");
      // In-order lanes: the whole lane waits for its head (and a rate limit applies to the lane anyway).
      await this.endAttempt(lane, item, { retryInMs: waitMs, error: message }, waitMs);
      return waitMs;
    }
  }

  /**
   * An attempt ends within its lane's lease, or is given up as a retryable failure: past the lease another replica
   * may take the lane anyway, and a call that never settles (seen: a database query in flight when the connection
   * was cut) must not hold the lane, and the worker's loop, forever. The abandoned call is left to settle on its own;
   * every handler is idempotent, so the retry cannot do its work twice.
   */
  private withinLease<T>(attempt: Promise<T>): Promise<T> {
    const { leaseMs } = this.options;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new RetryableError(`attempt still running after its ${leaseMs} ms lease: given up, to be retried`)), leaseMs);
    });
    attempt.catch(() => undefined);
    return Promise.race([attempt, deadline]).finally(() => clearTimeout(timer));
  }

  /**
   * Records how the item's attempt ended and gives its lane back, in one statement: the lane is never free while its
   * item still looks unfinished, and it takes one turn of the embedded database's one session, not two.
   * An item already finished stays as it is: an attempt given up at its lease's end may end after its retry.
   */
  private async endAttempt(
    lane: string,
    item: Item,
    end: { status: "done" | "dead"; error: string | null } | { retryInMs: number; error: string },
    laneWaitMs: number,
  ): Promise<void> {
    const ended =
      "status" in end
        ? `UPDATE "OutboxItem" SET status = $5, "doneAt" = ${NOW}, "lastError" = $4, attempts = $6 WHERE id = $3 AND status = 'pending'`
        : `UPDATE "OutboxItem" SET attempts = $6, "nextAttemptAt" = ${NOW} + ($5::int * interval '1 millisecond'), "lastError" = $4 WHERE id = $3 AND status = 'pending'`;
    await this.options.prisma.$executeRawUnsafe(
      `WITH ended AS (${ended})
       UPDATE "OutboxLane" SET "nextAt" = ${NOW} + ($7::int * interval '1 millisecond'), "lockedUntil" = NULL, "lockedBy" = NULL
       WHERE name = $1 AND "lockedBy" = $2`,
      lane,
      this.id,
      item.id,
      end.error?.slice(0, 1000) ?? null,
      "status" in end ? end.status : end.retryInMs,
      item.attempts,
      Math.round(laneWaitMs),
    );
  }

  private async releaseLane(lane: string, nextAtSql: string): Promise<void> {
    await this.options.prisma.$executeRawUnsafe(
      `UPDATE "OutboxLane" SET "nextAt" = ${nextAtSql}, "lockedUntil" = NULL, "lockedBy" = NULL WHERE name = $1 AND "lockedBy" = $2`,
      lane,
      this.id,
    );
  }
}
