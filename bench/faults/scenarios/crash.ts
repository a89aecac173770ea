// kill -9 of the app at random moments during a burst of questions and answers; it is restarted at once (as a
// supervisor would) while Discourse redelivers and employees resubmit. After each restart the trial's work is
// waited for, and how long that took is its recovery: what a crash costs users. (Without that wait the app would
// be dead most of the soak and the backlog would grow to what the community's 60 requests a minute take minutes
// to absorb, which measures the budget, not the recovery.) Checked once, after every trial; the drain after the
// last restart is watched second by second (drainProbe.ts).
import fc from "fast-check";
import { startAppProcess, type AppProcess } from "../../support/appProcess";
import type { DatabaseEnv } from "../../support/database";
import { percentile } from "../../support/stats";
import type { World } from "../../support/world";
import { DrainProbe, leaseMsOf, type DrainSample } from "../drainProbe";
import { Scenario, type Settled, type Verdict } from "../scenario";
import { prepare, type Settings } from "./prepare";

/** A trial not recovered within this is logged with what is missing, and the soak goes on. */
const RECOVERY_WAIT_MS = 60_000;

export interface CrashResult {
  verdict: Verdict;
  restartP50Ms: number;
  /** How the drain after the last restart ended. */
  drain: Settled;
  /** Per trial, milliseconds from the restart until all work so far was delivered (null: not within the wait). */
  recoveriesMs: Array<number | null>;
  /** Milliseconds from each answer's publication to its echo in the card's thread. */
  echoDelays: number[];
  /** The drain after the last restart, second by second. */
  samples: DrainSample[];
}

export async function crashTrials(world: World, database: string, databaseEnv: DatabaseEnv, port: number, settings: Settings): Promise<CrashResult> {
  const env = { ...world.env, ...databaseEnv };
  let app: AppProcess = await startAppProcess(env, port);
  const scenario = new Scenario(world, `crash${port}`, settings.log);
  const probe = await DrainProbe.open(databaseEnv, settings.log);
  const restarts: number[] = [];
  const recoveries: Array<number | null> = [];
  let drain: Settled;
  try {
    await prepare(world, app.url);
    await scenario.burst(() => [app.url], 10, 0);
    await scenario.settle();
    // Each trial's kill moment, reproducible from the seed.
    const killAfterMs = fc.sample(fc.noBias(fc.integer({ min: 0, max: 1500 })), { seed: settings.seed, numRuns: settings.crashTrials });
    const last = killAfterMs.length - 1;
    for (const [trial, delay] of killAfterMs.entries()) {
      const burst = scenario.burst(() => [app.url], settings.questionsPerTrial, settings.answersPerTrial);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await app.kill();
      await probe.afterKill(trial + 1, trial === last);
      app = await startAppProcess(env, port);
      restarts.push(app.coldStartMs);
      await burst;
      let recovered = "";
      // The last trial's drain is watched second by second below.
      if (trial < last) {
        const settled = await scenario.settle(app.readyAt, RECOVERY_WAIT_MS, 0);
        recoveries.push(settled.drainMs);
        recovered = settled.drainMs === null ? ", not recovered within the wait" : `, recovered ${(settled.drainMs / 1000).toFixed(1)} s after`;
      }
      settings.log(
        `${database}: crash trial ${trial + 1}/${killAfterMs.length} (kill -9 after ${delay} ms, back in ${Math.round(app.coldStartMs)} ms${recovered})`,
      );
    }
    const stopProbe = probe.watch({ since: app.startedAt, leaseMs: leaseMsOf(env) }, app.readyAt, () => scenario.missing());
    drain = await scenario.settle(app.readyAt);
    await stopProbe();
    recoveries.push(drain.drainMs);
    settings.log(`${database}: ${drain.drainMs === null ? "not drained" : `drained ${(drain.drainMs / 1000).toFixed(1)} s`} after the last restart`);
  } finally {
    await app.stop();
    await probe.close();
  }
  return {
    verdict: await scenario.verify(`kill -9 ×${settings.crashTrials}`, database, databaseEnv),
    restartP50Ms: percentile(restarts, 50),
    recoveriesMs: recoveries,
    drain,
    echoDelays: scenario.echoDelays(),
    samples: probe.samples,
  };
}
