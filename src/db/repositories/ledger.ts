import type { LeaderboardRow, TimeRange } from "../../core/kernel/model";
import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "./db";
import type { LedgerRepo } from "../../core/points";

interface RankedRow {
  employeeId: string;
  points: bigint | number;
  rank: bigint | number;
  displayName: string | null;
  externalId: string;
  surface: string;
  hiddenOnLeaderboards: boolean;
}

const toRow = ({ hiddenOnLeaderboards, ...row }: RankedRow): LeaderboardRow => ({
  ...row,
  points: Number(row.points),
  rank: Number(row.rank),
  hidden: hiddenOnLeaderboards,
});

// The period's totals (kept by a trigger, see migration 0008_point_totals), ranked; ties share a rank.
// The index on (period, points DESC) lets the top N stop after N rows.
const RANKED = `
  SELECT t."employeeId", t.points, RANK() OVER (ORDER BY t.points DESC) AS rank, e."displayName", e."externalId", e.surface, e."hiddenOnLeaderboards"
  FROM "PointTotal" t JOIN "Employee" e ON e.id = t."employeeId"
  WHERE t.period = $1 AND t.points > 0`;

/** The period top N ($1 period key, $2 limit): exported for bench/leaderboard's query plans. */
export const LEADERBOARD_SQL = `${RANKED} ORDER BY t.points DESC, e."displayName" LIMIT $2`;
/** The same within one department ($3, any case): exported for bench/console's query plans. */
export const DEPARTMENT_LEADERBOARD_SQL = `${RANKED} AND lower(e.department) = lower($3::text) ORDER BY t.points DESC, e."displayName" LIMIT $2`;

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
    async leaderboard(period, limit, department) {
      const rows = department
        ? await db.$queryRawUnsafe<RankedRow[]>(DEPARTMENT_LEADERBOARD_SQL, period, limit, department)
        : await db.$queryRawUnsafe<RankedRow[]>(LEADERBOARD_SQL, period, limit);
      return rows.map(toRow);
    },
    async rankOf(employeeId, period) {
      // Rank = 1 + how many have more points: two index lookups, not a ranking of everyone.
      const rows = await db.$queryRawUnsafe<RankedRow[]>(
        `SELECT t."employeeId", t.points, 1 + (SELECT COUNT(*) FROM "PointTotal" o WHERE o.period = $1 AND o.points > t.points) AS rank,
                e."displayName", e."externalId", e.surface, e."hiddenOnLeaderboards"
         FROM "PointTotal" t JOIN "Employee" e ON e.id = t."employeeId"
         WHERE t.period = $1 AND t."employeeId" = $2 AND t.points > 0`,
        period,
        employeeId,
      );
      return rows[0] ? toRow(rows[0]) : null;
    },
    recent: (employeeId, limit) =>
      db.pointAward.findMany({
        where: { employeeId },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
        take: limit,
        select: { points: true, reason: true, occurredAt: true },
      }),
  };
}
