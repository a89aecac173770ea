// Steady state, nothing broken: one question and one answer at a time, at a pace the community's budget (60
// requests a minute) absorbs, so what is measured is the path from an answer's publication on the community to
// its echo in the card's thread (outbox wake-up, the Slack channel's lane), not a backlog.
import { startAppProcess } from "../../support/appProcess";
import type { DatabaseEnv } from "../../support/database";
import type { World } from "../../support/world";
import { Scenario, type Verdict } from "../scenario";
import { prepare, type Settings } from "./prepare";

/** An answer every 3 s: each publication takes about two community calls (post and read back) of the 60 a minute. */
const PACE_MS = 3000;

export interface SteadyResult {
  verdict: Verdict;
  /** Milliseconds from each answer's publication to its echo in its card's thread. */
  echoDelays: number[];
}

export async function steadyState(world: World, database: string, databaseEnv: DatabaseEnv, port: number, settings: Settings): Promise<SteadyResult> {
  const app = await startAppProcess({ ...world.env, ...databaseEnv }, port);
  const scenario = new Scenario(world, `steady${port}`, settings.log);
  try {
    await prepare(world, app.url);
    // Cards to answer first; their own drain is not part of the measure.
    await scenario.burst(() => [app.url], settings.steadyAnswers, 0);
    await scenario.settle();
    for (let i = 0; i < settings.steadyAnswers; i++) {
      await Promise.all([scenario.burst(() => [app.url], 0, 1), new Promise((resolve) => setTimeout(resolve, PACE_MS))]);
    }
    await scenario.settle();
  } finally {
    await app.stop();
  }
  return { verdict: await scenario.verify(`steady, ${settings.steadyAnswers} answers`, database, databaseEnv), echoDelays: scenario.echoDelays() };
}
