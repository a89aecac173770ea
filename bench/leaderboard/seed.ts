// A company at Best Buy's scale: 150,000 employees in the directory, a few percent of them advocates earning
// points over a year with a long tail, 2,000,000 ledger rows. Set-based SQL, so seeding takes seconds, not hours.
import type { SqlRunner } from "../../src/db/connect";
import { migrate } from "../../src/db/migrate";
import { cutPointTotalsIn } from "../../src/db/pointTotals";

export interface SeedSize {
  employees: number;
  awards: number;
  /** Share of employees who ever earn points (Best Buy: about 2 %; we take a busier 6 %). */
  activeShare: number;
}

export const DEPARTMENTS = [
  "Customer Service",
  "Engineering",
  "Sales",
  "Marketing",
  "Finance",
  "HR",
  "Logistics",
  "Retail",
  "IT",
  "Legal",
  "Product",
  "Facilities",
];

export function seedSize(scale: number): SeedSize {
  return { employees: Math.round(150_000 * scale), awards: Math.round(2_000_000 * scale), activeShare: 0.06 };
}

/** Awards are spread over the year before `now`; employee i's share falls off as a power of its rank. */
export async function seed(sql: SqlRunner, size: SeedSize, now: Date): Promise<void> {
  const departments = `ARRAY[${DEPARTMENTS.map((name) => `'${name}'`).join(", ")}]`;
  const active = Math.max(1, Math.round(size.employees * size.activeShare));
  await sql.exec(`
    INSERT INTO "Directory" (email, name, department, "importedAt")
    SELECT 'employee' || i || '@example.com', 'Employee ' || i, (${departments})[1 + i % ${DEPARTMENTS.length}], now()
    FROM generate_series(1, ${size.employees}) AS i;
    INSERT INTO "Employee" (id, surface, "externalId", "displayName", email, department, "createdAt")
    SELECT 'emp-' || i, CASE WHEN i % 3 = 0 THEN 'teams' ELSE 'slack' END, 'U' || lpad(i::text, 8, '0'), 'Employee ' || i,
           'employee' || i || '@example.com', (${departments})[1 + i % ${DEPARTMENTS.length}], now()
    FROM generate_series(1, ${size.employees}) AS i;`);
  // Cubing a uniform number skews it towards 0: a few advocates earn most points, most earn a little. Rows go in
  // in time order, as an append-only ledger fills up, so a quarter's rows sit together on disk.
  await sql.exec(`
    INSERT INTO "PointAward" ("employeeId", points, reason, "sourceKey", "occurredAt")
    SELECT 'emp-' || (1 + floor(power(random(), 3) * ${active})::int * ${Math.max(1, Math.floor(size.employees / active))}),
           CASE WHEN g % 20 = 0 THEN 25 WHEN g % 7 = 0 THEN 2 WHEN g % 97 = 0 THEN -10 ELSE 10 END,
           CASE WHEN g % 20 = 0 THEN 'solution_accepted' WHEN g % 7 = 0 THEN 'answer_liked' WHEN g % 97 = 0 THEN 'answer_deleted' ELSE 'answer_published' END,
           'bench:' || g,
           '${now.toISOString()}'::timestamp - interval '365 days' * (1 - g::float8 / ${size.awards})
    FROM generate_series(1, ${size.awards}) AS g;
    ANALYZE "PointAward"; ANALYZE "Employee"; ANALYZE "Directory";`);
}

/**
 * A database of that size, ready for the app: migrated, seeded and the leaderboard's roll-up cut in `timezone` (as the
 * app does once at its first start), each step logged with its time. The leaderboard and console benches share it.
 */
export async function seedCompany(sql: SqlRunner, size: SeedSize, now: Date, timezone: string, log: (line: string) => void): Promise<void> {
  await migrate(sql);
  log(`seeding ${size.employees} employees and ${size.awards} ledger rows`);
  const seeded = performance.now();
  await seed(sql, size, now);
  log(`seeded in ${seconds(seeded)} s`);
  const rolled = performance.now();
  await cutPointTotalsIn(sql, timezone);
  // Autovacuum would analyse the new roll-up within a minute; a bench starts at once.
  await sql.exec(`ANALYZE "PointTotal"`);
  log(`leaderboard roll-up built from the whole ledger in ${seconds(rolled)} s (once, at first start)`);
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
