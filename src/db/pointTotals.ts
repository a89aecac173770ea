// The leaderboard's roll-up is cut in the company's timezone: on start-up, a new or changed timezone rebuilds it
// from the ledger (once, under a lock, whichever replica comes first).
import type { SqlRunner } from "./connect";

export async function cutPointTotalsIn(sql: SqlRunner, timezone: string): Promise<boolean> {
  const [row] = await sql.query<{ rebuilt: boolean }>(`SELECT advocate_point_totals_zone($1) AS rebuilt`, [timezone]);
  return row?.rebuilt ?? false;
}
