// Applies prisma/migrations in order, recording them in Prisma's own _prisma_migrations table
// so that `prisma migrate deploy` and this start-up migration agree on what is applied.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./connect";

export const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");

const LOCK_KEY = 727274; // advisory lock id: one replica migrates at a time

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export async function appliedMigrations(sql: SqlRunner): Promise<string[]> {
  const rows = await sql.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return rows.map((row) => row.migration_name);
}

/** Applies what is missing (up to and including `upTo`, for tests of one migration's data); returns the names applied now. */
export async function migrate(runner: SqlRunner, upTo?: string): Promise<string[]> {
  return runner.session(async (sql) => {
    await sql.exec(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    try {
      await sql.exec(CREATE_TABLE);
      const done = new Set(await appliedMigrations(sql));
      const applied: string[] = [];
      for (const migration of listMigrations()) {
        if (done.has(migration.name) || (upTo !== undefined && migration.name > upTo)) continue;
        const id = randomUUID();
        await sql.exec(
          `BEGIN;\n${migration.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('${id}', '${migration.checksum}', now(), '${migration.name}', 1);\nCOMMIT;`,
        );
        applied.push(migration.name);
      }
      return applied;
    } finally {
      await sql.exec(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  });
}

/** True when every migration on disk is applied (for /readyz). */
export async function migrationsApplied(sql: SqlRunner): Promise<boolean> {
  const done = new Set(await appliedMigrations(sql).catch(() => [] as string[]));
  return listMigrations().every((migration) => done.has(migration.name));
}
