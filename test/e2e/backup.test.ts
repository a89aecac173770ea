// A backup taken while Advocate runs, during a burst of ledger writes, restores to a database that starts and whose
// ledger sums match its totals: the embedded database through the running app's local admin API, PostgreSQL
// through pg_dump and pg_restore.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import pino from "pino";
import { startAdvocate, type Advocate } from "../../src/app";
import type { Config } from "../../src/config";
import { connectDatabase, type DatabaseTarget } from "../../src/db/connect";
import { backup, restore } from "../../src/ops/backup";
import { testConfig } from "../support/testApp";

// It opens the embedded database three or four times: up to 95 s on a loaded 2-core machine.
jest.setTimeout(240_000);

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), "advocate-backup-"));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const silent = pino({ level: "silent" });

interface Burst {
  /** Rows written before the backup started, and in all. */
  before: number;
  written: number;
}

/** Ledger rows written one after another, from before the backup starts until after it ends: a busy afternoon. */
async function burst(app: Advocate, takeBackup: () => Promise<unknown>): Promise<Burst> {
  const employee = await app.deps.store.employees.ensure("slack", "UBURST01", "Priya");
  const counts: Burst = { before: 0, written: 0 };
  let written = 0;
  let after: number | null = null;
  let failure: unknown = null;
  void new Promise((resolve) => setTimeout(resolve, 300))
    .then(async () => {
      counts.before = written;
      await takeBackup();
    })
    .catch((error: unknown) => (failure = error))
    .finally(() => (after = written));
  while (after === null || written < after + 10) {
    await app.deps.store.ledger.award({ employeeId: employee.id, points: 10, reason: "answer", sourceKey: `burst:${written}`, occurredAt: new Date() });
    written += 1;
    // Embedded queries resolve without I/O: let the backup's request and timers in between writes.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (failure) throw failure;
  counts.written = written;
  return counts;
}

/** The ledger's rows and sums against the totals the leaderboard reads. */
async function ledgerOf(target: DatabaseTarget): Promise<{ rows: number; awarded: number; totalled: number }> {
  const db = await connectDatabase(target);
  try {
    const [sums] = await db.sql.query<{ rows: number; awarded: number; totalled: number }>(
      `SELECT (SELECT count(*) FROM "PointAward")::int AS rows, (SELECT COALESCE(SUM(points), 0) FROM "PointAward")::int AS awarded,
              (SELECT COALESCE(SUM(points), 0) FROM "PointTotal" WHERE period = 'all')::int AS totalled`,
    );
    return sums!;
  } finally {
    await db.close();
  }
}

/** Starts Advocate on the restored database and asks /readyz. */
async function startsOn(config: Config): Promise<number> {
  const app = await startAdvocate(config, { logger: silent, startSchedules: false });
  try {
    return (await fetch(`${app.url}/readyz`)).status;
  } finally {
    await app.stop();
  }
}

test("embedded: a backup through the running app during a burst restores whole; the folder restored over is kept", async () => {
  const folder = path.join(work, "data");
  const config: Config = { ...testConfig({ ADVOCATE_DATA_DIR: folder }), DATABASE_URL: undefined };
  const app = await startAdvocate(config, { logger: silent, startSchedules: false });
  const file = path.join(work, "backup.tar.gz");
  let taken: Awaited<ReturnType<typeof backup>> | null = null;
  let counts: Burst;
  try {
    counts = await burst(app, async () => (taken = await backup({ kind: "pglite", dataDir: folder }, file)));
  } finally {
    await app.stop();
  }
  expect(taken).toMatchObject({ via: "running-app", file });

  const restored = path.join(work, "restored");
  expect(await restore({ kind: "pglite", dataDir: restored }, file)).toEqual({ keptAs: null });
  const sums = await ledgerOf({ kind: "pglite", dataDir: restored });
  // A moment of a moving ledger: everything written before the backup began, nothing written after it ended.
  expect(sums.rows).toBeGreaterThanOrEqual(counts.before);
  expect(sums.rows).toBeLessThanOrEqual(counts.written - 10);
  expect(sums.totalled).toBe(sums.awarded);
  expect(await startsOn({ ...config, ADVOCATE_DATA_DIR: restored })).toBe(200);

  // Restoring over a folder keeps the folder as it was beside it.
  const { keptAs } = await restore({ kind: "pglite", dataDir: folder }, file);
  expect(keptAs && existsSync(path.join(keptAs, "PG_VERSION"))).toBe(true);
  expect(await ledgerOf({ kind: "pglite", dataDir: folder })).toEqual(sums);
});

const serverUrl = process.env.DATABASE_URL;
(serverUrl ? test : test.skip)("PostgreSQL: pg_dump during a burst, pg_restore into a fresh database that starts with matching sums", async () => {
  const names = [`advocate_backup_${process.pid}`, `advocate_restored_${process.pid}`];
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const urlOf = (name: string) => Object.assign(new URL(serverUrl!), { pathname: `/${name}` }).toString();
  try {
    for (const name of names) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    const [source, copy] = names.map(urlOf) as [string, string];
    const config = testConfig({ DATABASE_URL: source });
    const app = await startAdvocate(config, { logger: silent, startSchedules: false });
    const file = path.join(work, "backup.pgdump");
    let counts: Burst;
    let taken: unknown = null;
    try {
      counts = await burst(app, async () => (taken = await backup({ kind: "postgres", url: source }, file)));
    } finally {
      await app.stop();
    }
    expect(taken).toMatchObject({ via: "pg_dump" });
    await restore({ kind: "postgres", url: copy }, file);
    const sums = await ledgerOf({ kind: "postgres", url: copy });
    expect(sums.rows).toBeGreaterThanOrEqual(counts.before);
    expect(sums.rows).toBeLessThanOrEqual(counts.written - 10);
    expect(sums.totalled).toBe(sums.awarded);
    expect(await startsOn({ ...config, DATABASE_URL: copy })).toBe(200);
  } finally {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
