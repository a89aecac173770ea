// For tests that drive the core without an app: the settings a company would start with, and a fresh database.
import type { CoreSettings } from "../../src/core/deps";
import { connectDatabase, type Database } from "../../src/db/connect";
import { migrate } from "../../src/db/migrate";
import { cutPointTotalsIn } from "../../src/db/pointTotals";
import { createSchema, dropSchema } from "./testApp";

export function coreSettings(overrides: Partial<CoreSettings> = {}): CoreSettings {
  return {
    defaultLocale: "en",
    claimTtlMs: 3_600_000,
    routeDelayMs: 0,
    excerptLength: 200,
    timezone: "Europe/Amsterdam",
    ignoredUsernames: [],
    hrIds: [],
    // A handful of people per department in these tests; test/e2e/smallGroups.test.ts tests the rule itself.
    minGroupSize: 0,
    adminIds: [],
    calendar: { timezone: "Europe/Amsterdam", days: [1, 2, 3, 4, 5], opensAt: 540, closesAt: 1020, holidays: [] },
    recurringProblemThreshold: 5,
    retentionDays: 30,
    ...overrides,
  };
}

/** An in-memory database, migrated, its leaderboard roll-up cut in the settings' timezone as the app does at start. */
export async function memoryDatabase(timezone = coreSettings().timezone): Promise<Database> {
  const db = await connectDatabase({ kind: "pglite", dataDir: "memory://" });
  await migrate(db.sql);
  await cutPointTotalsIn(db.sql, timezone);
  return db;
}

/**
 * A fresh database for one test file: in-memory PGlite, or with DATABASE_URL set a schema of its own on that
 * PostgreSQL, which `close()` drops. Migrated, its roll-up cut, as memoryDatabase.
 */
export async function freshDatabase(timezone = coreSettings().timezone): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return memoryDatabase(timezone);
  const schema = await createSchema(url);
  const db = await connectDatabase({ kind: "postgres", url, schema });
  await migrate(db.sql);
  await cutPointTotalsIn(db.sql, timezone);
  return {
    ...db,
    async close() {
      await db.close();
      await dropSchema(url, schema);
    },
  };
}
