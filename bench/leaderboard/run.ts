// The HR leaderboard at 150,000 employees and 2,000,000 ledger rows, on embedded PGlite and on PostgreSQL:
// p50/p95 of the period top 10 (what `/advocate leaderboard` runs) and of the quarterly HR report (every query
// `/advocate report` runs), through the app's own repositories. Targets: top 10 p95 ≤ 50 ms on PostgreSQL,
// report ≤ 1 s.  BENCH_SCALE=0.1 for a quick run; BENCH_DATABASES=pglite,postgres (both by default);
// BENCH_DATABASE_URL (default the local test database, in a schema of its own that is dropped afterwards).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { connectDatabase, type Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { hrReport } from "../../src/core/hr/hrReport";
import { parseReportPeriod } from "../../src/core/hr/reportPeriod";
import { periodKey, type Period } from "../../src/core/points/periods";
import type { CoreDeps } from "../../src/core/deps";
import type { CommunityPort } from "../../src/core/ports";
import { DEPARTMENTS, seedCompany, seedSize } from "./seed";
import { queryPlans } from "./explain";

const TIMEZONE = "Europe/Amsterdam";
const NOW = new Date("2026-11-24T10:00:00Z");
const scale = Number(process.env.BENCH_SCALE ?? "1");
const pgUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SCHEMA = "bench_leaderboard";

interface Figure {
  database: string;
  query: string;
  runs: number;
  p50: number;
  p95: number;
  target: number | null;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(database: string, query: string, runs: number, target: number | null, work: () => Promise<unknown>): Promise<Figure> {
  for (let i = 0; i < 3; i++) await work(); // warm caches and plans
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { database, query, runs, p50: percentile(times, 50), p95: percentile(times, 95), target };
}

async function onDatabase(
  name: string,
  db: Database,
  log: (line: string) => void,
): Promise<{ figures: Figure[]; plans: { leaderboard: string; report: string } }> {
  await seedCompany(db.sql, seedSize(scale), NOW, TIMEZONE, (line) => log(`${name}: ${line}`));
  const store = prismaStore(db.prisma);
  const deps = { store, community: {} as CommunityPort, chat: {}, clock: { now: () => NOW }, settings: { timezone: TIMEZONE } } as unknown as CoreDeps;
  const quarter = parseReportPeriod("2026-07-01..2026-09-30", NOW, TIMEZONE);
  if (!quarter) throw new Error("bad period");
  const figures: Figure[] = [];
  for (const period of ["week", "month", "quarter"] as Period[]) {
    const key = periodKey(period, NOW, TIMEZONE);
    figures.push(await measure(name, `top 10, this ${period}`, 50, 50, () => store.ledger.leaderboard(key, 10)));
    log(`${name}: top 10 this ${period} measured`);
  }
  figures.push(await measure(name, "HR report, Q3, company", 10, 1000, () => hrReport(deps, quarter, null)));
  figures.push(await measure(name, `HR report, Q3, ${DEPARTMENTS[1]}`, 10, 1000, () => hrReport(deps, quarter, DEPARTMENTS[1] ?? null)));
  log(`${name}: reports measured`);
  return { figures, plans: await queryPlans(db, periodKey("quarter", NOW, TIMEZONE), quarter) };
}

async function withSchema<T>(work: () => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE; CREATE SCHEMA "${SCHEMA}"`);
  try {
    return await work();
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  const results: Array<{ figures: Figure[]; plans: { leaderboard: string; report: string } }> = [];
  const wanted = (process.env.BENCH_DATABASES ?? "pglite,postgres").toLowerCase().split(",");
  for (const target of ["PGlite", "PostgreSQL"].filter((name) => wanted.some((want) => name.toLowerCase().startsWith(want)))) {
    const run = async () => {
      const db = await connectDatabase(target === "PGlite" ? { kind: "pglite", dataDir: "memory://" } : { kind: "postgres", url: pgUrl, schema: SCHEMA });
      try {
        return await onDatabase(target, db, log);
      } finally {
        await db.close();
      }
    };
    results.push(target === "PGlite" ? await run() : await withSchema(run));
  }
  const figures = results.flatMap((result) => result.figures);
  console.log(`\nLeaderboard at scale ${scale} (${seedSize(scale).employees} employees, ${seedSize(scale).awards} ledger rows), ms:\n`);
  console.table(
    figures.map((f) => ({
      database: f.database,
      query: f.query,
      p50: f.p50.toFixed(1),
      p95: f.p95.toFixed(1),
      target: f.target ? `≤ ${f.target}` : "",
      met: f.target === null ? "" : f.p95 <= f.target ? "yes" : "NO",
    })),
  );
  const last = results.at(-1)?.plans;
  console.log(`\nPlan of the quarter's top 10 (${wanted.at(-1)}):\n${last?.leaderboard ?? ""}\n\nPlan of the report's ledger pass:\n${last?.report ?? ""}`);
  const dir = path.resolve(__dirname, "../results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `leaderboard-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ scale, at: new Date().toISOString(), figures, plans: results.map((result) => result.plans) }, null, 2));
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
