// kill -9 of the app at random moments during a burst of questions and answers; it is restarted at once (as a
// supervisor would) while Discourse redelivers and employees resubmit. Checked once, after every trial.
import fc from "fast-check";
import { startAppProcess, type AppProcess } from "../../support/appProcess";
import type { DatabaseEnv } from "../../support/database";
import { percentile } from "../../support/stats";
import type { World } from "../../support/world";
import { Scenario, type Verdict } from "../scenario";
import { prepare, type Settings } from "./prepare";

export async function crashTrials(
  world: World,
  database: string,
  databaseEnv: DatabaseEnv,
  port: number,
  settings: Settings,
): Promise<{ verdict: Verdict; restartP50Ms: number }> {
  const env = { ...world.env, ...databaseEnv };
  let app: AppProcess = await startAppProcess(env, port);
  const scenario = new Scenario(world, `crash${port}`);
  const restarts: number[] = [];
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
      app = await startAppProcess(env, port);
      restarts.push(app.coldStartMs);
      await burst;
      settings.log(`${database}: crash trial ${trial + 1}/${killAfterMs.length} (kill -9 after ${delay} ms, back in ${Math.round(app.coldStartMs)} ms)`);
    }
    await scenario.settle();
  } finally {
    await app.stop();
  }
  return { verdict: await scenario.verify(`kill -9 ×${settings.crashTrials}`, database, databaseEnv), restartP50Ms: percentile(restarts, 50) };
}
