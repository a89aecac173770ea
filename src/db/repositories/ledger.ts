import type { LedgerRepo } from "../../core/ports";
import type { LeaderboardRow, TimeRange } from "../../core/model";
import type { Db } from "./db";

interface RankedRow {
  employeeId: string;
  points: bigint | number;
  rank: bigint | number;
  displayName: string | null;
  externalId: string;
  surface: string;
}

const toRow = (row: RankedRow): LeaderboardRow => ({ ...row, points: Number(row.points), rank: Number(row.rank) });

// Totals per employee in the range, ranked (ties share a rank). Indexed by ("occurredAt", "employeeId").
const RANKED = `
  WITH totals AS (
    SELECT "employeeId", SUM(points) AS points
    FROM "PointAward"
    WHERE ($1::timestamp IS NULL OR "occurredAt" >= $1::timestamp) AND "occurredAt" <= $2::timestamp
    GROUP BY "employeeId"
    HAVING SUM(points) > 0
  )
  SELECT t."employeeId", t.points, RANK() OVER (ORDER BY t.points DESC) AS rank,
         e."displayName", e."externalId", e.surface
  FROM totals t JOIN "Employee" e ON e.id = t."employeeId"`;

export function ledgerRepo(db: Db): LedgerRepo {
  return {
    async award(award) {
      // ON CONFLICT keeps a surrounding transaction usable when the award exists already.
      const inserted = await db.$executeRawUnsafe(
        `INSERT INTO "PointAward" ("employeeId", points, reason, "sourceKey", "occurredAt") VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("sourceKey") DO NOTHING`,
        award.employeeId,
        award.points,
        award.reason,
        award.sourceKey,
        award.occurredAt,
      );
      return inserted === 1;
    },
    async total(employeeId, range) {
      const result = await db.pointAward.aggregate({
        _sum: { points: true },
        where: { employeeId, occurredAt: { ...(range.from ? { gte: range.from } : {}), lte: range.to } },
      });
      return result._sum.points ?? 0;
    },
    async leaderboard(range: TimeRange, limit: number) {
      const rows = await db.$queryRawUnsafe<RankedRow[]>(`${RANKED} ORDER BY t.points DESC, e."displayName" LIMIT $3`, range.from, range.to, limit);
      return rows.map(toRow);
    },
    async rankOf(employeeId, range) {
      const rows = await db.$queryRawUnsafe<RankedRow[]>(`SELECT * FROM (${RANKED}) ranked WHERE "employeeId" = $3`, range.from, range.to, employeeId);
      return rows[0] ? toRow(rows[0]) : null;
    },
  };
}

