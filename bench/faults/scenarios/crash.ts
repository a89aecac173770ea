// kill -9 of the app at random moments during a burst of questions and answers; it is restarted at once (as a
// supervisor would) while Discourse redelivers and employees resubmit. Checked once, after every trial; the drain
// after the last restart is watched second by second (drainProbe.ts).
import fc from "fast-check";
import { startAppProcess, type AppProcess } from "../../support/appProcess";
import type { DatabaseEnv } from "../../support/database";
import { percentile } from "../../support/stats";
import type { World } from "../../support/world";
import { DrainProbe, leaseMsOf, type DrainSample } from "../drainProbe";
import { Scenario, type Settled, type Verdict } from "../scenario";
import { prepare, type Settings } from "./prepare";

export interface CrashResult {
  verdict: Verdict;
  restartP50Ms: number;
  /** How the drain after the last restart ended. */
  drain: Settled;
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
  let drain: Settled;
  try {
    await prepare(world, app.url);
    await scenario.burst(() => [app.url], 10, 0);
    await scenario.settle();
    // Each trial's kill moment, reproducible from the seed.
    const killAfterMs = fc.sample(fc.noBias(fc.integer({ min: 0, max: 1500 })), { seed: settings.seed, numRuns: settings.crashTrials });
    for (const [trial, delay] of killAfterMs.entries()) {
      const burst = scenario.burst(() => [app.url], settings.questionsPerTrial, settings.answersPerTrial);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await app.kill();
      await probe.afterKill(trial + 1, trial === killAfterMs.length - 1);
      app = await startAppProcess(env, port);
      restarts.push(app.coldStartMs);
      await burst;
      settings.log(`${database}: crash trial ${trial + 1}/${killAfterMs.length} (kill -9 after ${delay} ms, back in ${Math.round(app.coldStartMs)} ms)`);
    }
    const stopProbe = probe.watch({ since: app.startedAt, leaseMs: leaseMsOf(env) }, app.readyAt, () => scenario.missing());
    drain = await scenario.settle(app.readyAt);
    await stopProbe();
    settings.log(`${database}: ${drain.drainMs === null ? "not drained" : `drained ${(drain.drainMs / 1000).toFixed(1)} s`} after the last restart`);
  } finally {
    await app.stop();
    await probe.close();
  }
  return {
    verdict: await scenario.verify(`kill -9 ×${settings.crashTrials}`, database, databaseEnv),
    restartP50Ms: percentile(restarts, 50),
    drain,
    echoDelays: scenario.echoDelays(),
    samples: probe.samples,
  };
}
