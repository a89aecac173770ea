// Drains the outbox: lanes run one item at a time, in order, paced; several workers (replicas) share the
// work through row locks (FOR UPDATE SKIP LOCKED) and time-limited lane leases that a crash lets expire.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client";
import { outboxMessageSchema, type OutboxMessage } from "../core/outbox/messages";
import { PermanentError, RetryableError } from "../core/errors";
import { backoffMs } from "./backoff";

export interface OutboxWorkerOptions {
  prisma: PrismaClient;
  handle: (message: OutboxMessage) => Promise<string>;
  logger: Logger;
  /** Minimum gap between two items of a lane, e.g. 1 message per second per Slack channel. */
  paceMs: (lane: string) => number;
  /** Lanes whose items need no order among themselves (each question's routing): the first due item runs. */
  unordered: (lane: string) => boolean;
  pollMs: number;
  leaseMs: number;
  lanesPerTick: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
}

interface Item {
  id: bigint;
  kind: string;
  payload: unknown;
  attempts: number;
  nextAttemptAt: Date;
}

const NOW = `timezone('UTC', now())`;

export class OutboxWorker {
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(private readonly options: OutboxWorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** New work was committed: look now rather than at the next poll. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs until no lane has due work (tests and the demo use this to wait for quiet). */
  async drain(maxRounds = 1000): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      if ((await this.tick()) === 0) return;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.loop().finally(() => (this.running = null));
    }, delayMs);
  }

  private async loop(): Promise<void> {
    let worked = 0;
    try {
      do {
        this.again = false;
        worked = await this.tick();
      } while ((worked > 0 || this.again) && !this.stopped);
    } catch (error) {
      this.options.logger.warn({ err: error }, "outbox tick failed; retrying at next poll");
    }
    this.schedule(await this.untilNextDue());
  }

  /** Sleeps until the first paced lane with work is due again (not a whole poll later), at most a poll. */
  private async untilNextDue(): Promise<number> {
    try {
      const [row] = await this.options.prisma.$queryRawUnsafe<Array<{ ms: number | null }>>(
        `SELECT (EXTRACT(EPOCH FROM MIN(l."nextAt") - ${NOW}) * 1000)::float8 AS ms FROM "OutboxLane" l
         WHERE (l."lockedUntil" IS NULL OR l."lockedUntil" < ${NOW})
           AND EXISTS (SELECT 1 FROM "OutboxItem" o WHERE o.lane = l.name AND o.status = 'pending' AND o."nextAttemptAt" <= l."nextAt")`,
      );
      const ms = row?.ms;
      return ms === null || ms === undefined ? this.options.pollMs : Math.min(this.options.pollMs, Math.max(5, Math.ceil(ms)));
    } catch {
      return this.options.pollMs;
    }
  }

  /** Claims due lanes and runs the head item of each; returns how many items ran. */
  async tick(): Promise<number> {
    const lanes = await this.claimLanes();
    await Promise.all(lanes.map((lane) => this.runLane(lane)));
    return lanes.length;
  }

  private async claimLanes(): Promise<string[]> {
    const { prisma, leaseMs, lanesPerTick } = this.options;
    const rows = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
      `UPDATE "OutboxLane" SET "lockedUntil" = ${NOW} + ($1::int * interval '1 millisecond'), "lockedBy" = $2
       WHERE name IN (
         SELECT l.name FROM "OutboxLane" l
         WHERE l."nextAt" <= ${NOW} AND (l."lockedUntil" IS NULL OR l."lockedUntil" < ${NOW})
           AND EXISTS (SELECT 1 FROM "OutboxItem" o WHERE o.lane = l.name AND o.status = 'pending' AND o."nextAttemptAt" <= ${NOW})
         ORDER BY l."nextAt" LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING name`,
      leaseMs,
      this.id,
      lanesPerTick,
    );
    return rows.map((row) => row.name);
  }

  private async runLane(lane: string): Promise<void> {
    const { prisma } = this.options;
    const unordered = this.options.unordered(lane);
    // In-order lanes run their head; unordered ones the oldest item that is due, so a delayed item holds up nothing.
    const pending = `FROM "OutboxItem" WHERE lane = $1 AND status = 'pending'`;
    const next = unordered ? `SELECT id ${pending} AND "nextAttemptAt" <= ${NOW} ORDER BY id LIMIT 1` : `SELECT id ${pending} ORDER BY id LIMIT 1`;
    const [item] = await prisma.$queryRawUnsafe<Item[]>(
      `UPDATE "OutboxItem" SET attempts = attempts + 1
       WHERE id = (${next}) AND "nextAttemptAt" <= ${NOW}
       RETURNING id, kind, payload, attempts, "nextAttemptAt"`,
      lane,
    );
    if (!item) {
      // Nothing due: the lane waits for its next item (an in-order lane for its head, which keeps the order).
      const nextDue = unordered ? `SELECT MIN("nextAttemptAt") ${pending}` : `SELECT "nextAttemptAt" ${pending} ORDER BY id LIMIT 1`;
      await this.releaseLane(lane, `COALESCE((${nextDue}), ${NOW})`);
      return;
    }
    await this.runItem(lane, item);
  }

  private async runItem(lane: string, item: Item): Promise<void> {
    const { logger, maxAttempts } = this.options;
    const parsed = outboxMessageSchema.safeParse(item.payload);
    if (!parsed.success) {
      await this.finish(item, "dead", `invalid payload: ${parsed.error.message}`);
      await this.releaseLane(lane, NOW);
      return;
    }
    const log = logger.child({ outboxId: String(item.id), kind: item.kind, lane, attempt: item.attempts });
    const startedAt = Date.now();
    try {
      const outcome = await this.options.handle(parsed.data);
      await this.finish(item, "done", null);
      // Paced from the start of this call to the start of the next, as the peers count (1 a second per channel).
      const wait = Math.max(0, this.options.paceMs(lane) - (Date.now() - startedAt));
      await this.releaseLane(lane, `${NOW} + (${wait} * interval '1 millisecond')`);
      log.debug({ outcome }, "outbox item done");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A peer that says "later" is retried for as long as it takes (capped back-off): nothing is lost.
      // Unexpected errors (bugs, bad data) give up after maxAttempts so they cannot block a lane forever.
      if (error instanceof PermanentError || (!(error instanceof RetryableError) && item.attempts >= maxAttempts)) {
        log.error({ err: message }, "outbox item failed for good");
        await this.finish(item, "dead", message);
        await this.releaseLane(lane, NOW);
        return;
      }
      const retryable = error instanceof RetryableError ? error : null;
      const waitMs = Math.max(retryable?.retryAfterMs ?? 0, backoffMs(item.attempts, this.options.backoffBaseMs, this.options.backoffCapMs));
      log.warn({ err: message, retryInMs: waitMs, rateLimited: retryable?.rateLimited ?? false }, "outbox item will be retried");
      await this.options.prisma.$executeRawUnsafe(
        `UPDATE "OutboxItem" SET "nextAttemptAt" = ${NOW} + ($2::int * interval '1 millisecond'), "lastError" = $3 WHERE id = $1`,
        item.id,
        waitMs,
        message.slice(0, 1000),
      );
      // In-order lanes: the whole lane waits for its head (and a rate limit applies to the lane anyway).
      await this.releaseLane(lane, `${NOW} + (${waitMs} * interval '1 millisecond')`);
    }
  }

  private async finish(item: Item, status: "done" | "dead", error: string | null): Promise<void> {
    await this.options.prisma.$executeRawUnsafe(
      `UPDATE "OutboxItem" SET status = $2, "doneAt" = ${NOW}, "lastError" = $3 WHERE id = $1`,
      item.id,
      status,
      error?.slice(0, 1000) ?? null,
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
