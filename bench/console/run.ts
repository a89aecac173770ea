// The web console at 150,000 employees and 2,000,000 ledger rows: the leaderboard bench's company (seedCompany),
// the real app in its own process with the console signing in through a stand-in Slack OpenID Connect provider, an
// HR person signed in over HTTP, then each page requested one after another (a warm-up, then BENCH_RUNS times).
// Server time = from the request's first byte sent to the response's last byte read, by a client on 127.0.0.1
// with a kept-alive connection: the app's whole work for the page (session, policy, audit, queries, HTML) plus a
// loopback round trip. Targets (issue 18): leaderboard p95 ≤ 100 ms, quarter report ≤ 1 s; donations (the quarter's
// donation report) is held to the report's.
// BENCH_SCALE=0.1 for a quick run; BENCH_DATABASES=postgres,pglite (PostgreSQL only by default: the embedded database
// adds three minutes of seeding; bench/console/PLANS.md has its figures); BENCH_DATABASE_URL names the server; BENCH_RUNS (50); BENCH_PROFILE=1 writes the app's
// CPU profile to bench/results/profiles/console-<time> and prints where its own time went.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { DateTime } from "luxon";
import { connectDatabase, type SqlRunner } from "../../src/db/connect";
import { StandInOidc } from "../../demo/standIns/oidcProvider";
import { cookieOf, signInThrough } from "../../demo/standIns/consoleSignIn";
import { freePort, startAppProcess } from "../support/appProcess";
import { startWorld } from "../support/world";
import { withDatabase, type DatabaseEnv, type DatabaseKind } from "../support/database";
import { ms, percentile } from "../support/stats";
import { DEPARTMENTS, seedCompany, seedSize } from "../leaderboard/seed";
import { summariseProfiles } from "./profile";
import { consolePlans, type Plans } from "./explain";

const TIMEZONE = "Europe/Amsterdam";
const scale = Number(process.env.BENCH_SCALE ?? "1");
const runs = Number(process.env.BENCH_RUNS ?? "50");
const WARM_UP = 5;
const profileDir =
  process.env.BENCH_PROFILE === "1" ? path.resolve(__dirname, `../results/profiles/console-${new Date().toISOString().replace(/[:.]/g, "-")}`) : undefined;
// Bench-only secrets: nothing here is a real secret.
const CONSOLE_SECRET = "bench-console-secret-0123456789abcdef0123";
const SESSION_COOKIE = "__Host-advocate-console";
/** A seeded employee (seed.ts names them employee<i>), made HR by the app's settings and known by a verified email. */
const HR = { email: "employee1@example.com", name: "Employee 1", externalId: "U00000001", employeeId: "emp-1" };
const DEPARTMENT = DEPARTMENTS[1] ?? "Engineering";

interface Page {
  name: string;
  path: string;
  target: number;
  /** Text only the page's figures show: a page that answered 200 with a message instead is not measured. */
  shows: string;
}

interface Figure extends Page {
  database: DatabaseKind;
  runs: number;
  p50: number;
  p95: number;
  /** The machine's 1-minute load average when the page's runs ended: a shared machine's other work shows here. */
  load: number;
}

/** The last whole quarter, in the company's timezone: a full quarter of the ledger (the heaviest report HR asks). */
function lastQuarter(now: Date): { from: string; to: string } {
  const start = DateTime.fromJSDate(now, { zone: TIMEZONE }).startOf("quarter").minus({ quarters: 1 });
  return { from: start.toISODate() ?? "", to: start.endOf("quarter").toISODate() ?? "" };
}

function pages(now: Date): Page[] {
  const quarter = new URLSearchParams(lastQuarter(now)).toString();
  const department = encodeURIComponent(DEPARTMENT);
  return [
    { name: "leaderboard, this month", path: "/leaderboard?period=month", target: 100, shows: "Employee " },
    { name: `leaderboard, this month, ${DEPARTMENT}`, path: `/leaderboard?period=month&department=${department}`, target: 100, shows: "Employee " },
    { name: "report, last quarter, company", path: `/report?${quarter}`, target: 1000, shows: "/report/csv?" },
    { name: `report, last quarter, ${DEPARTMENT}`, path: `/report?${quarter}&department=${department}`, target: 1000, shows: "/report/csv?" },
    { name: "donations, this quarter", path: "/donations", target: 1000, shows: "Charity 1" },
  ];
}

/**
 * What the console needs besides the company: the HR person's chat identity with its verified email (what sign-in
 * matches), and charities with the donation terms and the picks of two thirds of the people who earn points.
 */
async function seedConsole(sql: SqlRunner, now: Date): Promise<void> {
  const since = new Date(now.getTime() - 400 * 86_400_000).toISOString();
  await sql.exec(`
    INSERT INTO "ChatIdentity" (surface, "externalId", "employeeId", email, "emailSeenAt")
    VALUES ('slack', '${HR.externalId}', '${HR.employeeId}', '${HR.email}', now());
    INSERT INTO "Charity" (name, url, "createdBy", "createdAt")
    SELECT 'Charity ' || i, 'https://charity' || i || '.example.org', 'bench', '${since}'::timestamp FROM generate_series(1, 4) AS i;
    INSERT INTO "CharityTerms" ("defaultCharityId", "microEurosPerPoint", "quarterBudgetCents", "setBy", "setAt")
    VALUES (1, 100000, 5000000, 'bench', '${since}'::timestamp);
    INSERT INTO "CharityPick" ("employeeId", "charityId", "pickedAt")
    SELECT "employeeId", 1 + abs(hashtext("employeeId")) % 4, '${since}'::timestamp
    FROM (SELECT DISTINCT "employeeId" FROM "PointAward") AS earners WHERE abs(hashtext("employeeId")) % 3 > 0;
    ANALYZE "CharityPick";`);
}

async function seedDatabase(kind: DatabaseKind, env: DatabaseEnv, now: Date, log: (line: string) => void): Promise<void> {
  const db = await connectDatabase("DATABASE_URL" in env ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.ADVOCATE_DATA_DIR });
  try {
    await seedCompany(db.sql, seedSize(scale), now, TIMEZONE, (line) => log(`${kind}: ${line}`));
    await seedConsole(db.sql, now);
  } finally {
    await db.close();
  }
}

/** From the first byte sent to the last byte read; a page that is not a 200 with its figures is a failed run, not a figure. */
async function timeOnce(url: string, cookie: string, shows: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
  const body = await response.text();
  const took = performance.now() - started;
  if (response.status !== 200 || !body.includes(shows)) throw new Error(`${url} answered ${response.status} without "${shows}": ${body.slice(0, 300)}`);
  return took;
}

async function measure(kind: DatabaseKind, consoleUrl: string, cookie: string, page: Page): Promise<Figure> {
  const url = `${consoleUrl}${page.path}`;
  for (let i = 0; i < WARM_UP; i++) await timeOnce(url, cookie, page.shows);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(url, cookie, page.shows));
  return { ...page, database: kind, runs, p50: percentile(times, 50), p95: percentile(times, 95), load: loadavg()[0] ?? NaN };
}

async function onDatabase(kind: DatabaseKind, log: (line: string) => void): Promise<{ figures: Figure[]; plans: Plans }> {
  const now = new Date();
  return withDatabase(
    kind,
    async (databaseEnv) => {
      await seedDatabase(kind, databaseEnv, now, log);
      const figures = await measurePages(kind, databaseEnv, now, log);
      return { figures, plans: await consolePlans(databaseEnv, now, TIMEZONE, DEPARTMENT) };
    },
    "console",
  );
}

/** The app and its sign-in, each page timed as the HR person, the app stopped. */
async function measurePages(kind: DatabaseKind, databaseEnv: DatabaseEnv, now: Date, log: (line: string) => void): Promise<Figure[]> {
  // The chat platforms and the community the app needs to start, as the other benches stand them in.
  const world = await startWorld({ ceilings: false });
  const slack = await new StandInOidc("slack", "bench-slack-oidc-client", "bench-slack-oidc-secret").listen();
  const port = await freePort();
  const consoleUrl = `http://127.0.0.1:${port}/console`;
  const app = await startAppProcess(
    {
      ...world.env,
      ...databaseEnv,
      ADVOCATE_TIMEZONE: TIMEZONE,
      ADVOCATE_HR_IDS: HR.email,
      ADVOCATE_CONSOLE_URL: consoleUrl,
      ADVOCATE_CONSOLE_SECRET: CONSOLE_SECRET,
      SLACK_OIDC_CLIENT_ID: slack.clientId,
      SLACK_OIDC_CLIENT_SECRET: slack.clientSecret,
      SLACK_OIDC_ISSUER: slack.issuer,
    },
    port,
    "source",
    { cpuProfileDir: profileDir },
  );
  log(`${kind}: the app is ready in ${(app.coldStartMs / 1000).toFixed(1)} s`);
  try {
    const callback = await signInThrough(slack, consoleUrl, { email: HR.email, name: HR.name });
    const token = cookieOf(callback, SESSION_COOKIE);
    if (!token) throw new Error(`HR was not signed in: ${callback.status} ${await callback.text()}`);
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
    const figures: Figure[] = [];
    for (const page of pages(now)) {
      figures.push(await measure(kind, consoleUrl, cookie, page));
      log(`${kind}: ${page.name} measured`);
    }
    return figures;
  } finally {
    await app.stop();
    await Promise.all([slack.close(), world.close()]);
  }
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  const wanted = (process.env.BENCH_DATABASES ?? "postgres").toLowerCase().split(",");
  const kinds = (["PostgreSQL", "PGlite"] as const).filter((name) => wanted.some((want) => name.toLowerCase().startsWith(want)));
  const results: Array<{ figures: Figure[]; plans: Plans }> = [];
  for (const kind of kinds) results.push(await onDatabase(kind, log));
  const figures = results.flatMap((result) => result.figures);
  const size = seedSize(scale);
  console.log(`\nThe web console at scale ${scale} (${size.employees} employees, ${size.awards} ledger rows): server time, ms, ${runs} runs a page`);
  console.log("(first byte sent to last byte read, one request at a time, from 127.0.0.1 over a kept-alive connection;");
  console.log(` load: the 1-minute load average on this machine's ${cpus().length} cores when the page's runs ended)\n`);
  console.table(
    figures.map((f) => ({
      database: f.database,
      page: f.name,
      p50: ms(f.p50),
      p95: ms(f.p95),
      target: `≤ ${f.target}`,
      met: f.p95 <= f.target ? "yes" : "NO",
      load: f.load.toFixed(1),
    })),
  );
  for (const missed of figures.filter((f) => f.p95 > f.target)) {
    console.log(
      `\nMISSED: ${missed.name} on ${missed.database}, p95 ${ms(missed.p95)} ms > ${missed.target} ms.` +
        (profileDir
          ? " Where the app's own time went is below."
          : " BENCH_PROFILE=1 shows where the app's own time goes; bench/console/PLANS.md has the plans."),
    );
  }
  const plans = results.at(-1)?.plans;
  console.log(
    `\nPlan of the department picker (${kinds.at(-1)}):\n${plans?.departments ?? ""}\n\nPlan of ${DEPARTMENT}'s leaderboard this month:\n${plans?.departmentLeaderboard ?? ""}`,
  );
  if (profileDir) console.log(`\n${summariseProfiles(profileDir)}`);
  const dir = path.resolve(__dirname, "../results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `console-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ scale, runs, at: new Date().toISOString(), figures, plans: results.map((result) => result.plans) }, null, 2));
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
