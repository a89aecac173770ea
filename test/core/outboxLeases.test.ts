// A restarted process takes up at once what a dead one held: its lanes (the embedded database's one process owns
// every lease in its folder; on PostgreSQL a lease whose holder's advisory lock is gone is free), and the item its
// death cut off, which runs again without a longer back-off. Two live workers never hold the same lane.
import { Client } from "pg";
import pino from "pino";
import { connectDatabase, type Database, type HeldLock } from "../../src/db/connect";
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

/**
 * A worker as the app builds it, with its liveness made killable: `die()` drops its lock as a dead process's
 * connection would; `lock()` is the lock it holds (PostgreSQL).
 */
function worker(db: Database, handle: () => Promise<string>, leaseMs = 30_000): { worker: OutboxWorker; die(): Promise<void>; lock(): HeldLock | null } {
  let held: HeldLock | null = null;
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
  return { worker: created, die: async () => void (await held?.release()), lock: () => held };
}

test("the lane of a process that died mid-attempt is taken up at once, and the cut-off attempt does not count", async () => {
  const [first, second] = replicas as [Database, Database];
  await prismaStore(first.prisma).outbox.enqueue({ kind: "claims.expire" }, { lane: "test:lane" });

  let entered: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (entered = resolve));
  const dying = worker(
    first,
    () => {
      entered();
      return new Promise<string>(() => undefined); // the process dies before the call returns
    },
    2000,
  );
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
  // The dead process's attempt, given up at its lease's end (here, a live one's), changes nothing of the item done since.
  await dying.worker.stop();
  expect(await first.prisma.outboxItem.findMany({ select: { status: true, attempts: true, lastError: true } })).toEqual([
    { status: "done", attempts: 1, lastError: null },
  ]);
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

/** The sessions holding a worker's advisory lock of `key`. */
function lockHolders(db: Database, key: number) {
  return db.sql.query<{ pid: number }>(`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid::int = $2`, [
    WORKER_LOCK_CLASS,
    key,
  ]);
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await done()); await new Promise((resolve) => setTimeout(resolve, 50)))
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
}

test("a lane whose attempt's end could not be written (the database was away) is its worker's to take up at once", async () => {
  const db = replicas[0]!;
  await prismaStore(db.prisma).outbox.enqueue({ kind: "claims.expire" }, { lane: "unwritten-end" });
  const handled: string[] = [];
  const { worker: own } = worker(db, async () => {
    handled.push("ran");
    return "done";
  });
  // As an attempt of this worker leaves it when its end and the lane's release failed: leased to it for 30 s more.
  await db.prisma.outboxLane.update({ where: { name: "unwritten-end" }, data: { lockedBy: own.id, lockedUntil: new Date(Date.now() + 30_000) } });
  expect(await own.tick()).toBe(1);
  expect(handled).toEqual(["ran"]);
  await own.stop();
});

(url ? test : test.skip)("PostgreSQL: while a worker's lock is away it takes no lease, and a lane it runs is never run twice", async () => {
  const db = replicas[0]!;
  const store = prismaStore(db.prisma);
  await store.outbox.enqueue({ kind: "claims.expire" }, { lane: "long-lane" });
  let entered: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (entered = resolve));
  let finish: (outcome: string) => void = () => undefined;
  const runs: string[] = [];
  const own = worker(db, (message = { kind: "" }) => {
    runs.push(message.kind);
    if (runs.length > 1) return Promise.resolve("done");
    entered();
    return new Promise<string>((resolve) => (finish = resolve));
  });
  const first = own.worker.tick();
  await running;

  // The lock's connection breaks, as when the database is cut off for a moment: the server drops the lock.
  const [holder] = await lockHolders(db, Number(own.worker.id));
  await db.sql.query("SELECT pg_terminate_backend($1)", [holder!.pid]);
  await until("the worker sees its lock gone", () => own.lock()?.held() === false);
  await store.outbox.enqueue({ kind: "promises.check" }, { lane: "other-lane" });
  // Its long-lane looks free to the database now (no lock vouches for its lease), and so would any lease it took.
  expect(await own.worker.tick()).toBe(0);

  await until("the lock is taken again", () => own.lock()?.held() === true);
  expect(await own.worker.tick()).toBe(1);
  expect(runs).toEqual(["claims.expire", "promises.check"]);
  finish("done");
  expect(await first).toBe(1);
  expect(await db.prisma.outboxItem.findMany({ where: { lane: { in: ["long-lane", "other-lane"] } }, select: { status: true, attempts: true } })).toEqual([
    { status: "done", attempts: 1 },
    { status: "done", attempts: 1 },
  ]);
  await own.worker.stop();
});

(url ? test : test.skip)(
  "PostgreSQL: a worker's lock is taken again when its connection breaks, even from a session the server kept, and released whole",
  async () => {
    const [db] = replicas as [Database];
    const key = 424242;
    const held = await db.holdLock(WORKER_LOCK_CLASS, key);
    const [first] = await lockHolders(db, key);
    expect(first).toBeDefined();
    await db.sql.query("SELECT pg_terminate_backend($1)", [first!.pid]);
    // The server may keep a broken session, and its lock, until it notices (TCP keepalive: hours): a stand-in holds the
    // key meanwhile, taken as soon as the first session is gone.
    const kept = new Client({ connectionString: url, options: `-c search_path="${schema}"` });
    kept.on("error", () => undefined);
    await kept.connect();
    await kept.query("SELECT pg_advisory_lock($1::int, $2::int)", [WORKER_LOCK_CLASS, key]);
    const [stale] = await lockHolders(db, key);
    expect(held.held()).toBe(false);
    await until("the lock taken again by a new session of the holder's", async () => {
      const now = await lockHolders(db, key);
      return now.length === 1 && now[0]!.pid !== first!.pid && now[0]!.pid !== stale!.pid;
    });
    expect(held.held()).toBe(true);
    await kept.end().catch(() => undefined);
    await held.release();
    expect(await lockHolders(db, key)).toEqual([]);
    expect(held.held()).toBe(false);
  },
);

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
  await stuck.stop();
});
