// HR report figures, filtered by period and, optionally, department: one pass over the ledger per employee, one per
// week, and small queries over answers.
import type { Db } from "./db";
import type { ReportRepo } from "../../core/hr";

type Count = Array<{ n: bigint | number | null }>;

// $1 from, $2 to (inclusive), $3 department or null; "e" is the employee the row belongs to.
const IN_DEPARTMENT = `($3::text IS NULL OR lower(e.department) = lower($3::text))`;
const PUBLISHED = `FROM "Answer" ans JOIN "Employee" e ON e.id = ans."employeeId"
  WHERE ans.status = 'published' AND COALESCE(ans."publishedAt", ans."createdAt") BETWEEN $1::timestamp AND $2::timestamp AND ${IN_DEPARTMENT}`;

/** Per employee in the range ($1..$2) and department ($3): exported for bench/leaderboard's query plans. */
export const ADVOCATES_SQL = `WITH totals AS (
           SELECT a."employeeId", SUM(a.points) AS points, COUNT(*) FILTER (WHERE a.points > 0) AS positive,
                  COUNT(*) FILTER (WHERE a.reason LIKE 'solution_accepted%') AS accepted,
                  COUNT(*) FILTER (WHERE a.reason LIKE 'solution_unaccepted%') AS unaccepted
           FROM "PointAward" a WHERE a."occurredAt" >= $1::timestamp AND a."occurredAt" <= $2::timestamp
           GROUP BY a."employeeId"
         )
         SELECT t.*, e."displayName", e."externalId", e.surface, e.department,
                CASE WHEN t.points > 0 THEN (SELECT p."charityId" FROM "CharityPick" p WHERE p."employeeId" = t."employeeId" AND p."pickedAt" <= $2::timestamp
                                             ORDER BY p."pickedAt" DESC, p.id DESC LIMIT 1) END AS "charityId"
         FROM totals t JOIN "Employee" e ON e.id = t."employeeId"
         WHERE ${IN_DEPARTMENT}
         ORDER BY t."employeeId"`;

/** Each distinct department of `table`, one index probe each: a dozen departments, not 150,000 rows sorted. */
const distinctDepartments = (name: string, table: string) => `${name}(department) AS (
    (SELECT department FROM "${table}" WHERE department IS NOT NULL ORDER BY department LIMIT 1)
    UNION ALL
    SELECT (SELECT t.department FROM "${table}" t WHERE t.department > d.department ORDER BY t.department LIMIT 1) FROM ${name} d WHERE d.department IS NOT NULL
  )`;

/**
 * The departments of the directory and of the people Advocate knows ($1 at most), alphabetically: what every page with
 * a department picker asks (the console's leaderboard and report). A skip scan over each table's department index, as
 * PostgreSQL has no such scan of its own: 1.8 s of sorting 300,000 rows at 150,000 employees became milliseconds.
 */
export const DEPARTMENTS_SQL = `WITH RECURSIVE ${distinctDepartments("listed", "Directory")}, ${distinctDepartments("known", "Employee")}
  SELECT department FROM (SELECT department FROM listed UNION SELECT department FROM known) d
  WHERE department IS NOT NULL ORDER BY lower(department) LIMIT $1`;

export function reportRepo(db: Db): ReportRepo {
  const count = async (sql: string, ...params: unknown[]) => Number((await db.$queryRawUnsafe<Count>(sql, ...params))[0]?.n ?? 0);
  return {
    async advocates(range, department) {
      // Aggregate the ledger first (thousands of employees, not millions of rows), then join names and picks.
      const rows = await db.$queryRawUnsafe<
        Array<Record<string, unknown> & { points: bigint | number; positive: bigint | number; accepted: bigint | number; unaccepted: bigint | number }>
      >(ADVOCATES_SQL, range.from, range.to, department);
      return rows.map((row) => ({
        employeeId: row.employeeId as string,
        displayName: (row.displayName as string | null) ?? null,
        externalId: row.externalId as string,
        surface: row.surface as string,
        points: Number(row.points),
        positiveAwards: Number(row.positive),
        solutionsAccepted: Number(row.accepted),
        solutionsUnaccepted: Number(row.unaccepted),
        pickedCharityId: row.charityId === null || row.charityId === undefined ? null : Number(row.charityId),
        department: (row.department as string | null) ?? null,
      }));
    },
    employeesKnown: (department) =>
      count(`SELECT COUNT(*) AS n FROM "Employee" e WHERE ($1::text IS NULL OR lower(e.department) = lower($1::text))`, department),
    async departments(limit) {
      const rows = await db.$queryRawUnsafe<Array<{ department: string }>>(DEPARTMENTS_SQL, limit);
      return rows.map((row) => row.department);
    },
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
    async answersByDepartment(range) {
      const rows = await db.$queryRawUnsafe<Array<{ department: string; answers: bigint | number }>>(
        `SELECT lower(e.department) AS department, COUNT(*) AS answers ${PUBLISHED} AND e.department IS NOT NULL GROUP BY lower(e.department)`,
        range.from,
        range.to,
        null,
      );
      return rows.map((row) => ({ department: row.department, answers: Number(row.answers) }));
    },
    async departmentSizes(from) {
      const table = from === "directory" ? `"Directory"` : `"Employee"`;
      // Departments that differ only in case are one, as a department's report counts them.
      const rows = await db.$queryRawUnsafe<Array<{ department: string; people: bigint }>>(
        `SELECT MIN(department) AS department, COUNT(*) AS people FROM ${table} WHERE department IS NOT NULL GROUP BY lower(department)`,
      );
      return rows.map((row) => ({ department: row.department, people: Number(row.people) }));
    },
    async promisesKept(range, now) {
      const rows = await db.$queryRawUnsafe<Array<{ surface: string; channelId: string; decided: number; kept: number }>>(
        `SELECT c.surface, c."channelId", count(*)::int AS decided,
                (count(*) FILTER (WHERE q."firstAnsweredAt" <= q."promiseDueAt"))::int AS kept
         FROM "Question" q JOIN "Card" c ON c."questionId" = q.id
         WHERE q."promiseDueAt" IS NOT NULL AND q."postedAt" BETWEEN $1::timestamp AND $2::timestamp
           AND (q."firstAnsweredAt" IS NOT NULL OR q."promiseDueAt" <= $3::timestamp)
         GROUP BY c.surface, c."channelId" ORDER BY c.surface, c."channelId"`,
        range.from,
        range.to,
        now,
      );
      return rows;
    },
    async weekly(range, department, weeks) {
      // Rows fall in buckets by the weeks' start instants (1 = the first week); distinct (week, employee) pairs
      // first, so counting active advocates needs no sort of every award.
      const rows = await db.$queryRawUnsafe<Array<{ bucket: number; active: bigint | number; answers: bigint | number }>>(
        `WITH active AS (SELECT bucket, COUNT(*) AS n FROM (
                SELECT DISTINCT width_bucket(a."occurredAt", $4::timestamp[]) AS bucket, a."employeeId" FROM "PointAward" a
                WHERE a."occurredAt" >= $1::timestamp AND a."occurredAt" <= $2::timestamp AND a.points > 0
                  AND ($3::text IS NULL OR a."employeeId" IN (SELECT e.id FROM "Employee" e WHERE ${IN_DEPARTMENT}))) pairs
              GROUP BY bucket),
              answers AS (SELECT width_bucket(COALESCE(ans."publishedAt", ans."createdAt"), $4::timestamp[]) AS bucket, COUNT(*) AS n ${PUBLISHED} GROUP BY 1)
         SELECT COALESCE(active.bucket, answers.bucket) AS bucket, COALESCE(active.n, 0) AS active, COALESCE(answers.n, 0) AS answers
         FROM active FULL JOIN answers ON answers.bucket = active.bucket ORDER BY 1`,
        range.from,
        range.to,
        department,
        // As the columns hold them: UTC wall-clock time without a zone.
        weeks.map((week) => week.start.toISOString().replace("Z", "")),
      );
      return rows.flatMap((row) => {
        const week = weeks[Number(row.bucket) - 1]?.week;
        return week ? [{ week, activeAdvocates: Number(row.active), answers: Number(row.answers) }] : [];
      });
    },
  };
}
