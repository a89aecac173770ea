// An outbox worker as the app builds it, on a test's database, with what a test does not care about filled in.
import pino from "pino";
import type { Database } from "../../src/db/connect";
import { OutboxWorker, type OutboxWorkerOptions } from "../../src/outbox/worker";
import { EnqueuedSignal } from "../../src/outbox/enqueuedSignal";

export function testWorker(db: Database, options: Pick<OutboxWorkerOptions, "handle"> & Partial<OutboxWorkerOptions>): OutboxWorker {
  return new OutboxWorker({
    prisma: db.prisma,
    liveness: db.kind === "pglite" ? { kind: "sole" } : { kind: "advisory-lock", hold: (classId, key) => db.holdLock(classId, key) },
    enqueued: new EnqueuedSignal(),
    logger: pino({ level: "silent" }),
    paceMs: () => 0,
    unordered: () => false,
    pollMs: 50,
    leaseMs: 30_000,
    lanesAtOnce: 4,
    maxAttempts: 3,
    backoffBaseMs: 60_000,
    backoffCapMs: 600_000,
    ...options,
  });
}
