// One Prisma client over embedded PGlite (default) or PostgreSQL (DATABASE_URL), plus the raw SQL runner migrations need.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Client, Pool, type ClientConfig } from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { lockDataFolder, type DataFolderLock } from "./dataFolderLock";
import { describeError } from "./describeError";
import { PGliteThread, type PGliteClient } from "./embedded/pgliteThread";
import { inBackground } from "./embedded/workPriority";

export interface SqlRunner {
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs work on one connection (session-level locks need it). */
  session<T>(work: (session: SqlRunner) => Promise<T>): Promise<T>;
}

/** The embedded database's own powers: its folder's lock (none in memory) and a consistent copy of the folder. */
export interface EmbeddedDatabase {
  lock: DataFolderLock | null;
  /** A gzipped tar of the data folder, PGlite's own format (restored with `loadDataDir`). */
  dump(): Promise<Uint8Array>;
}

/** A lock held on a connection of its own; `held()` is false while that connection is being replaced. */
export interface HeldLock {
  held(): boolean;
  release(): Promise<void>;
}

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlRunner;
  /** Set on the embedded database only. */
  embedded: EmbeddedDatabase | null;
  /**
   * PostgreSQL: holds a session-level advisory lock on a connection of its own until released; the server drops it
   * the moment this process dies. Taken again if the connection breaks.
   */
  holdLock(classId: number, key: number): Promise<HeldLock>;
  /** Runs work nobody waits for (the outbox's): the embedded database, one session for all, serves people first. */
  background<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; schema?: string };

/** The database the settings name: PostgreSQL with DATABASE_URL, otherwise the embedded one in ADVOCATE_DATA_DIR. */
export function databaseTarget(env: { DATABASE_URL?: string | undefined; ADVOCATE_DATA_DIR: string }): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: env.ADVOCATE_DATA_DIR.startsWith("memory://") ? env.ADVOCATE_DATA_DIR : path.resolve(env.ADVOCATE_DATA_DIR) };
}

/** The embedded database's folder cannot be opened: said in words, with the way back. */
export class DataFolderUnreadableError extends Error {
  constructor(folder: string, why: string) {
    super(
      `The embedded database in ${folder} could not be read: ${why}. ` +
        `Restore the last backup with \`npm run restore -- <backup file>\` (see docs/operations.md), ` +
        `or set ADVOCATE_DATA_DIR to an empty folder to start afresh.`,
    );
    this.name = "DataFolderUnreadableError";
  }
}

type AdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

/**
 * pglite-prisma-adapter 0.6 is typed against driver-adapter-utils 6.10 (the interface it implements is unchanged in
 * 6.19) and against PGlite itself, of which it calls query, exec and transaction: what PGliteThread carries out.
 */
function pgliteAdapter(pglite: PGliteClient): AdapterFactory {
  return new PrismaPGlite(pglite as PGlite) as unknown as AdapterFactory;
}

export async function connectDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "pglite" ? connectPglite(target.dataDir) : connectPostgres(target.url, target.schema);
}

async function connectPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  // Before PGlite touches the folder: a second writer is what destroys it.
  const lock = inMemory ? null : lockDataFolder(dataDir);
  let pglite: PGliteThread;
  try {
    if (!inMemory) checkFolder(dataDir);
    pglite = await PGliteThread.open(dataDir);
  } catch (error) {
    lock?.release();
    throw error instanceof DataFolderUnreadableError ? error : new DataFolderUnreadableError(dataDir, describeError(error));
  }
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite), transactionOptions: { timeout: 20000, maxWait: 20000 } });
  return {
    kind: "pglite",
    prisma,
    sql: pgliteRunner(pglite),
    holdLock: () => Promise.reject(new Error("the embedded database has one process: no advisory locks needed")),
    background: inBackground,
    embedded: {
      lock,
      dump: () => pglite.dump(),
    },
    async close() {
      await prisma.$disconnect();
      // An open PGlite (its thread) keeps the process alive.
      await pglite.close();
      lock?.release();
    },
  };
}

/** A folder with files but no database in it is somebody else's: PGlite would fail with a bare exit status. */
function checkFolder(dataDir: string): void {
  if (!existsSync(dataDir) || existsSync(path.join(dataDir, "PG_VERSION"))) return;
  const files = readdirSync(dataDir);
  if (files.length)
    throw new DataFolderUnreadableError(dataDir, `it holds files but no database (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""})`);
}

async function connectPostgres(url: string, schema?: string): Promise<Database> {
  // JIT compiling costs more than it saves on short OLTP queries (about 150 ms on the HR report's ledger pass).
  const options = ["-c jit=off", ...(schema ? [`-c search_path="${schema}"`] : [])].join(" ");
  const config = { connectionString: url, max: 10, options };
  const pool = new Pool(config);
  // A dropped connection must not crash the process; the pool replaces it and /readyz reports the outage.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(config, schema ? { schema } : undefined), transactionOptions: { timeout: 20000, maxWait: 20000 } });
  return {
    kind: "postgres",
    prisma,
    sql: poolRunner(pool),
    embedded: null,
    holdLock: (classId, key) => holdAdvisoryLock(config, classId, key),
    // Each statement has a connection of its own from the pool: nobody queues behind the outbox.
    background: (work) => work(),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * One connection that holds the lock. If it breaks, one retry a second takes the lock again on a new connection. The
 * server may keep the broken session (and its lock) until it notices it is gone; that session can only be this
 * holder's own (the key is the holder's, and it held it before), so the retake ends it rather than waiting, perhaps
 * for hours of TCP keepalive. `held()` says whether the lock is held now: whatever it vouches for is unvouched in
 * between.
 */
async function holdAdvisoryLock(config: ClientConfig, classId: number, key: number): Promise<HeldLock> {
  let released = false;
  let holder: Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const later = () => {
    if (released || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void take();
    }, 1000);
    retry.unref();
  };
  let heldBefore = false;
  const take = async (): Promise<void> => {
    // Bounded, so that a connection that hangs rather than fails is given up and tried again; kept alive, so that a
    // dead one is noticed.
    const next = new Client({ ...config, connectionTimeoutMillis: 5000, query_timeout: 5000, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    // A dropped connection must not crash the process; it is replaced.
    next.on("error", () => undefined);
    try {
      await next.connect();
      const tryLock = async () =>
        (await next.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1::int, $2::int) AS taken", [classId, key])).rows[0]?.taken === true;
      let taken = await tryLock();
      if (!taken && heldBefore) {
        await next.query(
          `SELECT pg_terminate_backend(pid) FROM pg_locks
           WHERE locktype = 'advisory' AND granted AND classid = $1::int::oid AND objid = $2::int::oid AND objsubid = 2
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND pid <> pg_backend_pid()`,
          [classId, key],
        );
        taken = await tryLock();
      }
      if (!taken || released) throw new Error("lock not taken");
      next.on("end", () => {
        if (holder !== next) return;
        holder = null;
        later();
      });
      holder = next;
      heldBefore = true;
    } catch {
      await next.end().catch(() => undefined);
      later();
    }
  };
  await take();
  return {
    held: () => holder !== null,
    async release() {
      released = true;
      if (retry) clearTimeout(retry);
      await holder?.end().catch(() => undefined);
      holder = null;
    },
  };
}

function pgliteRunner(pglite: PGliteClient): SqlRunner {
  const runner: SqlRunner = {
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    session: (work) => work(runner),
  };
  return runner;
}

function poolRunner(pool: Pool): SqlRunner {
  return {
    exec: async (sql) => void (await pool.query(sql)),
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    async session(work) {
      const client = await pool.connect();
      try {
        return await work({
          exec: async (sql) => void (await client.query(sql)),
          query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
          session: () => Promise.reject(new Error("nested session")),
        });
      } finally {
        client.release();
      }
    },
  };
}
