// The plans of the queries the console's pages add to the leaderboard bench's, with real timings: the department
// picker every page runs and a department's leaderboard. What bench/console/PLANS.md quotes. Taken once the app has
// stopped: the embedded database is one process's at a time.
import { periodKey } from "../../src/core/points/periods";
import { connectDatabase } from "../../src/db/connect";
import { DEPARTMENT_LEADERBOARD_SQL } from "../../src/db/repositories/ledger";
import { DEPARTMENTS_SQL } from "../../src/db/repositories/reports";
import type { DatabaseEnv } from "../support/database";

export interface Plans {
  departments: string;
  departmentLeaderboard: string;
}

export async function consolePlans(env: DatabaseEnv, now: Date, timezone: string, department: string): Promise<Plans> {
  const db = await connectDatabase("DATABASE_URL" in env ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.ADVOCATE_DATA_DIR });
  const explain = async (sql: string, params: unknown[]) =>
    (await db.sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).map((row) => row["QUERY PLAN"]).join("\n");
  try {
    // As the leaderboard page asks: this month, 25 rows.
    const month = periodKey("month", now, timezone);
    return { departments: await explain(DEPARTMENTS_SQL, [100]), departmentLeaderboard: await explain(DEPARTMENT_LEADERBOARD_SQL, [month, 25, department]) };
  } finally {
    await db.close();
  }
}
