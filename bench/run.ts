// `npm run bench`: the real app (its own process, compiled as `npm start` runs it) over loopback, on embedded PGlite and on the
// machine's PostgreSQL, against stand-ins at the platforms' real ceilings. Four tables (run in the order 1, 3, 4, 2):
//   1. interaction ack latency (50 concurrent clients: slash commands, button clicks, modal submissions, Teams invokes)
//      against a floor measured side by side (a bare Bolt app and a bare botbuilder bot, bench/floors)
//   2. Discourse webhook ingest at rising rates
//   3. burst delivery: new questions over 10 Slack channels (1 message/s/channel) and over Teams channels (60 in
//      30 s each), answers to Discourse (60/min)
//   4. footprint: first start (creates the database), cold start to /readyz (a restart on it, as every deploy and
//      crash is), idle RSS, RSS after the burst
// BENCH_SCALE=0.2 shrinks the bursts (the full run takes several minutes per database, as the ceilings dictate);
// BENCH_DATABASES=pglite or postgres runs one; BENCH_DATABASE_URL names the server (a database is made and dropped);
// BENCH_PROFILE=1 writes a CPU profile of the app (`--cpu-prof`) to bench/results/profiles when it stops.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withDatabase, type DatabaseKind } from "./support/database";
import { buildApp, freePort, startAppProcess, type AppProcess } from "./support/appProcess";
import { startWorld, type World } from "./support/world";
import { startFloors } from "./floors/start";
import { measureAcks } from "./tables/ack";
import { measureIngest } from "./tables/ingest";
import { burstAnswers, burstQuestions, burstTeams } from "./tables/burst";

const scale = Number(process.env.BENCH_SCALE ?? "1");
const wanted = (process.env.BENCH_DATABASES ?? "pglite,postgres").toLowerCase().split(",");
const profileDir = process.env.BENCH_PROFILE === "1" ? path.resolve(__dirname, "results/profiles") : undefined;
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Results {
  database: string;
  ack: Awaited<ReturnType<typeof measureAcks>>;
  ingest: Awaited<ReturnType<typeof measureIngest>>;
  questions: Awaited<ReturnType<typeof burstQuestions>>["row"];
  teams: Awaited<ReturnType<typeof burstTeams>>;
  answers: Awaited<ReturnType<typeof burstAnswers>>;
  footprint: { firstStartMs: number; coldStartMs: number; idleRssMb: number; rssAfterBurstMb: number };
}

async function onDatabase(kind: DatabaseKind, port: number): Promise<Results> {
  return withDatabase(kind, async (databaseEnv) => {
    const world: World = await startWorld({ ceilings: true });
    let app: AppProcess | null = null;
    try {
      log(`${kind}: first start (creates and migrates the database), then the restart that is timed`);
      const first = await startAppProcess({ ...world.env, ...databaseEnv }, port, "compiled");
      const firstStartMs = first.coldStartMs;
      await first.stop();
      app = await startAppProcess({ ...world.env, ...databaseEnv }, port, "compiled", { watchLoop: true, cpuProfileDir: profileDir });
      const running = app;
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const idleRssMb = running.rssMb();
      world.discourse.setWebhook(`${running.url}/webhooks/discourse`);
      log(`${kind}: up in ${running.coldStartMs.toFixed(0)} ms, ${idleRssMb.toFixed(0)} MB idle; interaction acks against the floors`);
      const floors = await startFloors(world.env);
      const ack = await measureAcks(world, running, floors).finally(() => floors.stop());
      // The bursts before the ingest table: its open-loop flood (3,875 webhooks in 25 s) leaves thousands of events
      // queued in the inbound lane, which a burst after it would measure instead of its own delivery.
      log(`${kind}: burst of questions`);
      const questions = await burstQuestions(world, Math.round(1000 * scale));
      log(`${kind}: burst of questions to Teams`);
      const teams = await burstTeams(world, running.url, Math.round(200 * scale));
      log(`${kind}: burst of answers`);
      const answers = await burstAnswers(world, running.url, questions.cards, Math.round(300 * scale));
      const rssAfterBurstMb = running.rssMb();
      log(`${kind}: webhook ingest`);
      const ingest = await measureIngest(world);
      return {
        database: kind,
        ack,
        ingest,
        questions: questions.row,
        teams,
        answers,
        footprint: { firstStartMs, coldStartMs: running.coldStartMs, idleRssMb, rssAfterBurstMb },
      };
    } finally {
      await app?.stop();
      await world.close();
    }
  });
}

function print(results: Results[]): void {
  console.log("\n1. Interaction acks vs a bare floor (ratio = Advocate / floor; target ≤ 1.5×), 50 concurrent clients (ms)");
  console.table(results.flatMap((r) => r.ack.rows.map((row) => ({ database: r.database, ...row }))));
  console.log("   event loop delay p99 meanwhile (ms; Advocate and floor: their worst round)");
  console.table(results.flatMap((r) => r.ack.loops.map((row) => ({ database: r.database, ...row }))));
  console.log("\n2. Discourse webhook ingest at rising rates (ms; sustained = highest rate with p99 ≤ 50 ms)");
  console.table(results.flatMap((r) => r.ingest.steps.map((row) => ({ database: r.database, ...row }))));
  console.table(results.map((r) => ({ database: r.database, "sustained rate (/s)": r.ingest.sustainedPerSecond })));
  console.log("\n3. Burst delivery at the platforms' ceilings (target ≥ 0.95 of the ceiling, 0 lost, 0 duplicated; late = after the time was up)");
  console.table(
    results.flatMap((r) => [
      { database: r.database, ...r.questions },
      { database: r.database, ...r.teams },
      { database: r.database, ...r.answers },
    ]),
  );
  console.log("\n4. Footprint (targets: cold start ≤ 1.5 s on PostgreSQL and ≤ 2.5 s on PGlite; idle RSS ≤ 150 MB on PostgreSQL)");
  console.table(
    results.map((r) => ({
      database: r.database,
      "first start (ms)": Math.round(r.footprint.firstStartMs),
      "cold start (ms)": Math.round(r.footprint.coldStartMs),
      "cold start target": met(r.footprint.coldStartMs, r.database === "PostgreSQL" ? 1500 : 2500, "ms"),
      "idle RSS (MB)": Math.round(r.footprint.idleRssMb),
      "idle RSS target": r.database === "PostgreSQL" ? met(r.footprint.idleRssMb, 150, "MB") : "none set",
      "RSS after burst (MB)": Math.round(r.footprint.rssAfterBurstMb),
    })),
  );
}

/** "met", or by how much a figure is over its target. */
function met(value: number, target: number, unit: string): string {
  return value <= target ? "met" : `missed by ${Math.round(value - target)} ${unit}`;
}

async function main(): Promise<void> {
  // The app runs compiled, as `npm start` runs it; compiling is not part of any start the bench times.
  buildApp();
  const results: Results[] = [];
  for (const kind of ["PGlite", "PostgreSQL"] as const) {
    if (!wanted.some((want) => kind.toLowerCase().startsWith(want))) continue;
    results.push(await onDatabase(kind, await freePort()));
  }
  print(results);
  const dir = path.resolve(__dirname, "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ scale, at: new Date().toISOString(), results }, null, 2));
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
