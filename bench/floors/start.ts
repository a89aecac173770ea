// The floors as their own processes, each with its own CPU time and event loop, started as the app is (tsx
// compiles each module once, as it loads; no request waits on it).
import path from "node:path";
import { freePort, START_FLAGS, startNodeProcess, type AppProcess } from "../support/appProcess";

export interface Floors {
  /** The bare Bolt app (bareBolt.ts): Slack's slash commands, buttons and forms. */
  slack: AppProcess;
  /** The bare botbuilder bot (bareBot.ts): Teams invokes. */
  teams: AppProcess;
  stop(): Promise<void>;
}

export async function startFloors(env: Record<string, string>): Promise<Floors> {
  const start = async (file: string) =>
    startNodeProcess(`the floor ${file}`, path.join(__dirname, file), env, await freePort(), { watchLoop: true, nodeFlags: START_FLAGS });
  const slack = await start("bareBolt.ts");
  const teams = await start("bareBot.ts").catch(async (error: unknown) => {
    await slack.stop();
    throw error;
  });
  return { slack, teams, stop: async () => void (await Promise.all([slack.stop(), teams.stop()])) };
}
