// HR report figures: one aggregate query each, filtered by period and, optionally, department.
import type { ReportRepo } from "../../core/ports";
import type { Db } from "./db";

type Count = Array<{ n: bigint | number | null }>;

// $1 from, $2 to (inclusive), $3 department or null; "e" is the employee the row belongs to.
const IN_DEPARTMENT = `($3::text IS NULL OR lower(e.department) = lower($3::text))`;
const AWARDS = `FROM "PointAward" a JOIN "Employee" e ON e.id = a."employeeId"
  WHERE a."occurredAt" >= $1::timestamp AND a."occurredAt" <= $2::timestamp AND ${IN_DEPARTMENT}`;
const PUBLISHED = `FROM "Answer" ans JOIN "Employee" e ON e.id = ans."employeeId"
  WHERE ans.status = 'published' AND COALESCE(ans."publishedAt", ans."createdAt") BETWEEN $1::timestamp AND $2::timestamp AND ${IN_DEPARTMENT}`;

export function reportRepo(db: Db): ReportRepo {
  const count = async (sql: string, ...params: unknown[]) => Number((await db.$queryRawUnsafe<Count>(sql, ...params))[0]?.n ?? 0);
  return {
    activeAdvocates: (range, department) => count(`SELECT COUNT(DISTINCT a."employeeId") AS n ${AWARDS} AND a.points > 0`, range.from, range.to, department),
    employeesKnown: (department) => count(`SELECT COUNT(*) AS n FROM "Employee" e WHERE ($1::text IS NULL OR lower(e.department) = lower($1::text))`, department),
    answersPublished: (range, department) => count(`SELECT COUNT(*) AS n ${PUBLISHED}`, range.from, range.to, department),
    async medianFirstAnswerMs(range, department) {
      const rows = await db.$queryRawUnsafe<Array<{ ms: number | null }>>(
        `WITH firsts AS (
           SELECT q.id, MIN(COALESCE(ans."publishedAt", ans."createdAt")) - q."postedAt" AS wait
           FROM "Question" q JOIN "Answer" ans ON ans."questionId" = q.id AND ans.status = 'published'
           JOIN "Employee" e ON e.id = ans."employeeId"
           WHERE q."postedAt" BETWEEN $1::timestamp AND $2::timestamp AND ${IN_DEPARTMENT}
           GROUP BY q.id, q."postedAt"
         )
         SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM wait)) * 1000)::float8 AS ms FROM firsts`,
        range.from,
        range.to,
        department,
      );
      const ms = rows[0]?.ms;
      return ms === null || ms === undefined ? null : Math.round(Number(ms));
    },
    countAwards: (range, department, reason) =>
      count(`SELECT COUNT(*) AS n ${AWARDS} AND a.reason LIKE $4 || '%'`, range.from, range.to, department, reason),
    points: (range, department) => count(`SELECT COALESCE(SUM(a.points), 0) AS n ${AWARDS}`, range.from, range.to, department),
    async pointsByEmployee(range, department) {
      const rows = await db.$queryRawUnsafe<Array<{ employeeId: string; charityId: number | null; points: bigint | number }>>(
        `WITH totals AS (SELECT a."employeeId", SUM(a.points) AS points ${AWARDS} GROUP BY a."employeeId" HAVING SUM(a.points) > 0)
         SELECT t."employeeId", t.points,
                (SELECT p."charityId" FROM "CharityPick" p WHERE p."employeeId" = t."employeeId" AND p."pickedAt" <= $2::timestamp
                 ORDER BY p."pickedAt" DESC, p.id DESC LIMIT 1) AS "charityId"
         FROM totals t ORDER BY t."employeeId"`,
        range.from,
        range.to,
        department,
      );
      return rows.map((row) => ({ employeeId: row.employeeId, pickedCharityId: row.charityId, points: Number(row.points) }));
    },
    async top(range, department, limit) {
      const rows = await db.$queryRawUnsafe<Array<{ employeeId: string; points: bigint | number; rank: bigint | number; displayName: string | null; externalId: string; surface: string }>>(
        `SELECT a."employeeId", SUM(a.points) AS points, RANK() OVER (ORDER BY SUM(a.points) DESC) AS rank, e."displayName", e."externalId", e.surface
         ${AWARDS} GROUP BY a."employeeId", e."displayName", e."externalId", e.surface HAVING SUM(a.points) > 0
         ORDER BY points DESC, e."displayName" LIMIT $4`,
        range.from,
        range.to,
        department,
        limit,
      );
      return rows.map((row) => ({ ...row, points: Number(row.points), rank: Number(row.rank) }));
    },
    async weekly(range, department, timezone) {
      // Timestamps are stored as UTC without zone: shift to the company's wall clock, then take the ISO week.
      const week = (column: string) => `to_char(date_trunc('week', (${column} AT TIME ZONE 'UTC') AT TIME ZONE $4), 'IYYY-"W"IW')`;
      const rows = await db.$queryRawUnsafe<Array<{ week: string; active: bigint | number; answers: bigint | number }>>(
        `WITH active AS (SELECT ${week('a."occurredAt"')} AS week, COUNT(DISTINCT a."employeeId") AS n ${AWARDS} AND a.points > 0 GROUP BY 1),
              answers AS (SELECT ${week('COALESCE(ans."publishedAt", ans."createdAt")')} AS week, COUNT(*) AS n ${PUBLISHED} GROUP BY 1)
         SELECT COALESCE(active.week, answers.week) AS week, COALESCE(active.n, 0) AS active, COALESCE(answers.n, 0) AS answers
         FROM active FULL JOIN answers ON answers.week = active.week ORDER BY 1`,
        range.from,
        range.to,
        department,
        timezone,
      );
      return rows.map((row) => ({ week: row.week, activeAdvocates: Number(row.active), answers: Number(row.answers) }));
    },
  };
}
