// One Prisma client over embedded PGlite (default) or PostgreSQL (DATABASE_URL), plus the raw SQL runner migrations need.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Pool } from "pg";
import { PrismaClient } from "../generated/prisma/client";

export interface SqlRunner {
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs work on one connection (session-level locks need it). */
  session<T>(work: (session: SqlRunner) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; schema?: string };

type AdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

/** pglite-prisma-adapter 0.6 is typed against driver-adapter-utils 6.10; the interface it implements is unchanged in 6.19. */
export function pgliteAdapter(pglite: PGlite): AdapterFactory {
  return new PrismaPGlite(pglite) as unknown as AdapterFactory;
}

export async function connectDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "pglite" ? connectPglite(target.dataDir) : connectPostgres(target.url, target.schema);
}

async function connectPglite(dataDir: string): Promise<Database> {
  const pglite = await PGlite.create(dataDir);
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite), transactionOptions: { timeout: 20000, maxWait: 20000 } });
  return {
    kind: "pglite",
    prisma,
    sql: pgliteRunner(pglite),
    async close() {
      await prisma.$disconnect();
      // An open PGlite keeps the process alive.
      await pglite.close();
    },
  };
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
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function pgliteRunner(pglite: PGlite): SqlRunner {
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
