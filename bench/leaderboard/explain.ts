// The plans the database chooses, with real timings: what PLANS.md and the closing note quote.
import type { Database } from "../../src/db/connect";
import type { ReportPeriod } from "../../src/core/hr/reportPeriod";
import { LEADERBOARD_SQL } from "../../src/db/repositories/ledger";
import { ADVOCATES_SQL } from "../../src/db/repositories/reports";

async function explain(db: Database, sql: string, params: unknown[]): Promise<string> {
  const rows = await db.sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

export async function queryPlans(db: Database, periodKey: string, quarter: ReportPeriod): Promise<{ leaderboard: string; report: string }> {
  return {
    leaderboard: await explain(db, LEADERBOARD_SQL, [periodKey, 10]),
    // The report's heaviest query: the ledger of a whole quarter, per employee, for the company.
    report: await explain(db, ADVOCATES_SQL, [quarter.from.toISOString().replace("Z", ""), quarter.to.toISOString().replace("Z", ""), null]),
  };
}
