// Scripted faults against the real app (its own process) and the platforms' stand-ins, on embedded PGlite and on
// PostgreSQL: kill -9 during bursts, the platforms away, the database cut, two replicas on one database.
// `npm run faults` is the quick version CI runs; `npm run soak` is the full one (100 kill -9 trials per database).
// FAULTS_TRIALS, FAULTS_OUTAGE_MS, FAULTS_SEED, FAULTS_DATABASES=pglite|postgres and
// FAULTS_ONLY=steady,crash,away,cut,replicas override; exit 1 on any late or lost work, repeat or readiness lie.
// The steady-state echo delay is a target printed beside the verdicts, not a pass or fail: on a shared 2-core
// machine a time is not a verdict.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withDatabase, type DatabaseKind } from "../support/database";
import { freePort } from "../support/appProcess";
import type { DrainSample } from "./drainProbe";
import { percentile } from "../support/stats";
import { startWorld, type World } from "../support/world";
import { passed, type Verdict } from "./scenario";
import { crashTrials } from "./scenarios/crash";
import { steadyState } from "./scenarios/steady";
import { databaseCut, platformsAway, type ReadinessDuringOutage } from "./scenarios/outages";
import type { Settings } from "./scenarios/prepare";
import { twoReplicas, type SharedWork } from "./scenarios/replicas";

const quick = process.argv.includes("--quick");
const wanted = (process.env.FAULTS_DATABASES ?? "pglite,postgres").toLowerCase().split(",");
const only = (process.env.FAULTS_ONLY ?? "steady,crash,away,cut,replicas").split(",");
const settings: Settings = {
  seed: Number(process.env.FAULTS_SEED ?? Date.now() % 100_000),
  crashTrials: Number(process.env.FAULTS_TRIALS ?? (quick ? 3 : 100)),
  questionsPerTrial: 5,
  answersPerTrial: 3,
  outageMs: Number(process.env.FAULTS_OUTAGE_MS ?? (quick ? 4000 : 20_000)),
  steadyAnswers: quick ? 5 : 40,
  log: (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`),
};

interface Report {
  verdicts: Verdict[];
  restarts: Array<{ database: string; "restart to /readyz p50 (ms)": number }>;
  drains: Array<{
    database: string;
    "drain after the last restart (s)": number | null;
    "recovery per trial p50 / p99 / max (s)": string;
    "trials not recovered": number;
    "publication → echo p50 (ms)": number;
    "publication → echo p99 (ms)": number;
  }>;
  /** The drain after the last restart, second by second (in the JSON only). */
  drainSamples: Array<{ database: string; samples: DrainSample[] }>;
  readiness: Array<{ outage: string; database: string } & ReadinessDuringOutage>;
  steady: Array<{
    database: string;
    answers: number;
    "publication → echo p50 (ms)": number;
    "publication → echo p99 (ms)": number;
    "target p99 ≤ 2000 ms": string;
  }>;
  replicas: SharedWork | null;
}

/** A fresh world and a fresh database for each scenario: verdicts count only their own traffic. */
async function fresh<T>(kind: DatabaseKind, run: (world: World, env: Parameters<Parameters<typeof withDatabase>[1]>[0]) => Promise<T>): Promise<T> {
  return withDatabase(
    kind,
    async (env) => {
      const world = await startWorld({ ceilings: false });
      try {
        return await run(world, env);
      } finally {
        await world.close();
      }
    },
    "faults",
  );
}

async function main(): Promise<void> {
  settings.log(`faults (${quick ? "quick" : "soak"}), seed ${settings.seed}`);
  const report: Report = { verdicts: [], restarts: [], drains: [], drainSamples: [], readiness: [], steady: [], replicas: null };
  for (const kind of ["PGlite", "PostgreSQL"] as const) {
    if (!wanted.some((want) => kind.toLowerCase().startsWith(want))) continue;
    if (only.includes("steady")) {
      settings.log(`${kind}: steady state, one answer every few seconds`);
      const steady = await fresh(kind, async (world, env) => steadyState(world, kind, env, await freePort(), settings));
      record(report, steady.verdict);
      const p99 = Math.round(percentile(steady.echoDelays, 99));
      report.steady.push({
        database: kind,
        answers: steady.echoDelays.length,
        "publication → echo p50 (ms)": Math.round(percentile(steady.echoDelays, 50)),
        "publication → echo p99 (ms)": p99,
        "target p99 ≤ 2000 ms": p99 <= 2000 ? "met" : `missed by ${p99 - 2000} ms`,
      });
    }
    if (only.includes("crash")) {
      settings.log(`${kind}: kill -9 during bursts`);
      const crash = await fresh(kind, async (world, env) => crashTrials(world, kind, env, await freePort(), settings));
      record(report, crash.verdict);
      report.restarts.push({ database: kind, "restart to /readyz p50 (ms)": Math.round(crash.restartP50Ms) });
      report.drains.push({
        database: kind,
        "drain after the last restart (s)": crash.drain.drainMs === null ? null : Number((crash.drain.drainMs / 1000).toFixed(1)),
        "recovery per trial p50 / p99 / max (s)": recoveryFigures(crash.recoveriesMs),
        "trials not recovered": crash.recoveriesMs.filter((ms) => ms === null).length,
        "publication → echo p50 (ms)": Math.round(percentile(crash.echoDelays, 50)),
        "publication → echo p99 (ms)": Math.round(percentile(crash.echoDelays, 99)),
      });
      report.drainSamples.push({ database: kind, samples: crash.samples });
    }
    if (only.includes("away")) {
      settings.log(`${kind}: Slack and Discourse away for ${settings.outageMs / 1000} s`);
      const away = await fresh(kind, async (world, env) => platformsAway(world, kind, env, await freePort(), settings));
      record(report, away.verdict);
      report.readiness.push({ outage: "Slack + Discourse", database: kind, ...away.readiness });
    }
    // The embedded database has no connection to cut, and is one process's own.
    if (kind !== "PostgreSQL") continue;
    if (only.includes("cut")) {
      settings.log(`${kind}: database connection cut for ${settings.outageMs / 1000} s`);
      const cut = await fresh(kind, async (world, env) => databaseCut(world, env as { DATABASE_URL: string }, await freePort(), settings));
      record(report, cut.verdict);
      report.readiness.push({ outage: "database", database: kind, ...cut.readiness });
    }
    if (only.includes("replicas")) {
      settings.log(`${kind}: two replicas on one database`);
      const replicas = await fresh(kind, async (world, env) => twoReplicas(world, env as { DATABASE_URL: string }, await freePort(), settings));
      record(report, replicas.verdict);
      report.replicas = replicas.shared;
    }
  }
  const problems = judge(report);
  print(report);
  const dir = path.resolve(__dirname, "../results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `faults-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ quick, settings: { ...settings, log: undefined }, ...report, problems }, null, 2));
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
  if (problems.length) {
    console.error(`\nFAULTS FAILED (seed ${settings.seed}):\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    process.exit(1);
  }
  console.log("\nfaults passed: nothing late or lost, nothing repeated, /readyz truthful, one story per slot");
}

function recoveryFigures(recoveries: Array<number | null>): string {
  const seconds = recoveries.filter((ms): ms is number => ms !== null).map((ms) => ms / 1000);
  if (!seconds.length) return "-";
  return [percentile(seconds, 50), percentile(seconds, 99), Math.max(...seconds)].map((s) => s.toFixed(1)).join(" / ");
}

/** Kept for the table, and logged at once: a long soak shows each result even if a later scenario breaks. */
function record(report: Report, verdict: Verdict): void {
  report.verdicts.push(verdict);
  settings.log(`${passed(verdict) ? "passed" : "FAILED"}: ${JSON.stringify(verdict)}`);
}

function judge(report: Report): string[] {
  const problems = report.verdicts
    .filter((verdict) => !passed(verdict))
    .map((verdict) => `${verdict.scenario} on ${verdict.database}: ${JSON.stringify(verdict)}`);
  for (const outage of report.readiness) {
    const expected = outage.outage === "database" ? "503" : "200";
    const lies = Object.entries(outage.readings).filter(([status]) => status !== expected);
    if (lies.length)
      problems.push(`/readyz during the ${outage.outage} outage on ${outage.database} answered ${JSON.stringify(outage.readings)}, expected only ${expected}`);
    if (!outage.sameProcess) problems.push(`the app restarted during the ${outage.outage} outage on ${outage.database}`);
  }
  if (report.replicas && report.replicas.storiesPosted !== 1) problems.push(`two replicas posted ${report.replicas.storiesPosted} stories for one slot`);
  if (report.replicas && [...report.replicas.slackShares, ...report.replicas.discourseShares].some((share) => share < 0.1))
    problems.push(`the replicas did not share the work: ${JSON.stringify(report.replicas)}`);
  return problems;
}

function print(report: Report): void {
  console.log("\nNothing late, lost or repeated (every column but questions, answers and redelivered must be 0)");
  console.table(report.verdicts);
  if (report.steady.length) {
    console.log("\nSteady state: an answer's publication to its echo in the card's thread");
    console.table(report.steady);
  }
  console.log("\nRecovery");
  if (report.restarts.length) console.table(report.restarts);
  if (report.drains.length) console.table(report.drains);
  if (report.readiness.length)
    console.table(
      report.readiness.map((outage) => ({
        outage: outage.outage,
        database: outage.database,
        "/readyz during": JSON.stringify(outage.readings),
        "ready again after (ms)": outage.readyAgainMs,
        "same process": outage.sameProcess,
      })),
    );
  if (report.replicas) {
    console.log("\nTwo replicas on one PostgreSQL");
    console.table([
      {
        "Slack bytes per replica": report.replicas.slackShares.join(" / "),
        "Discourse bytes per replica": report.replicas.discourseShares.join(" / "),
        "stories for one slot": report.replicas.storiesPosted,
      },
    ]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
