// A restarted process takes up at once what a dead one held: its lanes (the embedded database's one process owns
// every lease in its folder; on PostgreSQL a lease whose holder's advisory lock is gone is free), and the item its
// death cut off, which runs again without a longer back-off. Two live workers never hold the same lane.
import pino from "pino";
import { connectDatabase, type Database } from "../../src/db/connect";
import { migrate } from "../../src/db/migrate";
import { prismaStore } from "../../src/db/prismaStore";
import { MAX_STARTS_WITHOUT_END, OutboxWorker, WORKER_LOCK_CLASS, type WorkerLiveness } from "../../src/outbox/worker";
import { memoryDatabase } from "../support/coreDeps";
import { createSchema, dropSchema } from "../support/testApp";
import { EnqueuedSignal } from "../../src/outbox/enqueuedSignal";

const url = process.env.DATABASE_URL;
let schema: string | null = null;
let replicas: Database[] = [];

beforeAll(async () => {
  if (!url) {
    // One embedded database: "two processes" are the dead one's leftovers and the restarted one.
    const db = await memoryDatabase();
    replicas = [db, db];
    return;
  }
  schema = await createSchema(url);
  replicas = [await connectDatabase({ kind: "postgres", url, schema }), await connectDatabase({ kind: "postgres", url, schema })];
  await migrate(replicas[0]!.sql);
});
afterAll(async () => {
  await Promise.all([...new Set(replicas)].map((db) => db.close()));
  if (url && schema) await dropSchema(url, schema);
});

/** A worker as the app builds it, with its liveness made killable: `die()` drops its lock as a dead process's connection would. */
function worker(db: Database, handle: () => Promise<string>, leaseMs = 30_000): { worker: OutboxWorker; die(): Promise<void> } {
  let held: { release(): Promise<void> } | null = null;
  const liveness: WorkerLiveness =
    db.kind === "pglite"
      ? { kind: "sole" }
      : {
          kind: "advisory-lock",
          hold: async (classId, key) => {
            held = await db.holdLock(classId, key);
            return held;
          },
        };
  const created = new OutboxWorker({
    prisma: db.prisma,
    liveness,
    handle,
    enqueued: new EnqueuedSignal(),
    logger: pino({ level: "silent" }),
    paceMs: () => 0,
    unordered: () => false,
    pollMs: 50,
    leaseMs,
    lanesAtOnce: 4,
    maxAttempts: 12,
    backoffBaseMs: 2000,
    backoffCapMs: 60_000,
  });
  return { worker: created, die: async () => void (await held?.release()) };
}

test("the lane of a process that died mid-attempt is taken up at once, and the cut-off attempt does not count", async () => {
  const [first, second] = replicas as [Database, Database];
  await prismaStore(first.prisma).outbox.enqueue({ kind: "claims.expire" }, { lane: "test:lane" });

  let entered: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (entered = resolve));
  const dying = worker(first, () => {
    entered();
    return new Promise<string>(() => undefined); // the process dies before the call returns
  });
  void dying.worker.tick();
  await running;

  const handled: string[] = [];
  const restarted = worker(second, async () => {
    handled.push("claims.expire");
    return "done";
  });
  if (first.kind === "postgres") {
    // While its holder lives, the lane is its own, whatever else runs.
    expect(await restarted.worker.tick()).toBe(0);
    await dying.die();
  }
  // Long before the 30 s lease would have run out.
  expect(await restarted.worker.tick()).toBe(1);
  expect(handled).toEqual(["claims.expire"]);
  expect(await first.prisma.outboxItem.findMany({ select: { status: true, attempts: true } })).toEqual([{ status: "done", attempts: 1 }]);
  await restarted.worker.stop();
});

test("an item that keeps killing the process is given up on after many starts without an end", async () => {
  const [db] = replicas as [Database];
  await prismaStore(db.prisma).outbox.enqueue({ kind: "claims.expire" }, { lane: "test:poison" });
  await db.prisma.outboxItem.updateMany({ where: { lane: "test:poison" }, data: { starts: MAX_STARTS_WITHOUT_END } });
  const handled: string[] = [];
  const restarted = worker(db, async () => {
    handled.push("ran");
    return "done";
  });
  expect(await restarted.worker.tick()).toBe(1);
  expect(handled).toEqual([]);
  expect(await db.prisma.outboxItem.findFirst({ where: { lane: "test:poison" }, select: { status: true, lastError: true } })).toEqual({
    status: "dead",
    lastError: `${MAX_STARTS_WITHOUT_END} attempts cut off: the process died during each`,
  });
  await restarted.worker.stop();
});

(url ? test : test.skip)("PostgreSQL: a worker's lock is taken again when its connection breaks, and released whole", async () => {
  const [db] = replicas as [Database];
  const key = 424242;
  const holders = () =>
    db.sql.query<{ pid: number }>(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid::int = $2`, [
      WORKER_LOCK_CLASS,
      key,
    ]);
  const held = await db.holdLock(WORKER_LOCK_CLASS, key);
  const [first] = await holders();
  expect(first).toBeDefined();
  await db.sql.query("SELECT pg_terminate_backend($1)", [first!.pid]);
  let again: Array<{ pid: number }> = [];
  for (let waited = 0; waited < 10_000 && !again.some((row) => row.pid !== first!.pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    again = await holders();
  }
  expect(again).toHaveLength(1);
  expect(again[0]!.pid).not.toBe(first!.pid);
  await held.release();
  expect(await holders()).toEqual([]);
});

test("an attempt that never settles is given up when its lease runs out, and the lane goes on", async () => {
  const db = replicas[0]!;
  const store = prismaStore(db.prisma);
  await store.outbox.enqueue({ kind: "claims.expire" }, { lane: "stuck-lane", dedupeKey: "stuck-1" });
  await store.outbox.enqueue({ kind: "promises.check" }, { lane: "stuck-lane", dedupeKey: "stuck-2" });
  let calls = 0;
  // The first call hangs forever (as a query whose connection was cut once did); later ones answer.
  const { worker: stuck } = worker(db, () => (++calls === 1 ? new Promise<string>(() => undefined) : Promise.resolve("ok")), 300);
  const started = Date.now();
  await stuck.tick();
  expect(Date.now() - started).toBeLessThan(5000);
  const first = await db.prisma.outboxItem.findFirstOrThrow({ where: { dedupeKey: "stuck-1" } });
  expect(first.status).toBe("pending");
  expect(first.lastError).toContain("lease: given up, to be retried");
  await db.prisma.outboxItem.updateMany({ where: { lane: "stuck-lane" }, data: { nextAttemptAt: new Date(0) } });
  await db.prisma.outboxLane.update({ where: { name: "stuck-lane" }, data: { nextAt: new Date(0) } });
  await stuck.drain();
  expect((await db.prisma.outboxItem.findMany({ where: { lane: "stuck-lane" }, orderBy: { id: "asc" } })).map((item) => item.status)).toEqual(["done", "done"]);
});
