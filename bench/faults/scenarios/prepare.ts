// What every fault scenario starts from: the bench channels routed by an admin, Priya's account linked.
import type { World } from "../../support/world";
import { linkPriya, routeBenchTags } from "../../tables/setup";

export interface Settings {
  seed: number;
  crashTrials: number;
  questionsPerTrial: number;
  answersPerTrial: number;
  /** How long the platforms or the database stay away. */
  outageMs: number;
  /** Answers given one at a time in the steady-state run. */
  steadyAnswers: number;
  log(line: string): void;
}

export async function prepare(world: World, appUrl: string): Promise<void> {
  await routeBenchTags(world, appUrl);
  await linkPriya(world, appUrl);
}
