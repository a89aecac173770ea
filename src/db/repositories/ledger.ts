import type { LedgerRepo } from "../../core/ports";
import type { LeaderboardRow, TimeRange } from "../../core/model";
import type { Prisma } from "../../generated/prisma/client";
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

const during = (range: TimeRange) => ({ ...(range.from ? { gte: range.from } : {}), lte: range.to });

export function ledgerRepo(db: Db): LedgerRepo {
  const sumOf = async (where: Prisma.PointAwardWhereInput) => (await db.pointAward.aggregate({ _sum: { points: true }, where }))._sum.points ?? 0;
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
    total: (employeeId, range) => sumOf({ employeeId, occurredAt: during(range) }),
    earned: (employeeId, range) => sumOf({ employeeId, points: { gt: 0 }, occurredAt: during(range) }),
    async tally(sourcePrefix) {
      const result = await db.pointAward.aggregate({ _count: true, _sum: { points: true }, where: { sourceKey: { startsWith: sourcePrefix } } });
      return { awards: result._count, points: result._sum.points ?? 0 };
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

