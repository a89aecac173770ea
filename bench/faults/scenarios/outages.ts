// The platforms, then the database, go away for a window during a burst and come back. The app is not
// restarted: it must recover on its own, and /readyz must tell the truth meanwhile (ready while only the
// platforms are away, which a restart would not fix; not ready while the database is).
import { startAppProcess, type AppProcess } from "../../support/appProcess";
import type { DatabaseEnv } from "../../support/database";
import type { World } from "../../support/world";
import { Scenario, type Verdict } from "../scenario";
import { hostPort, TcpProxy } from "../tcpProxy";
import { prepare, type Settings } from "./prepare";

export interface ReadinessDuringOutage {
  /** /readyz readings while the dependency was away (after the first second), by status. */
  readings: Record<string, number>;
  /** From the restore to the first 200. */
  readyAgainMs: number;
  /** The app was never restarted. */
  sameProcess: boolean;
}

async function readyz(url: string): Promise<string> {
  return fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
    (res) => String(res.status),
    () => "no answer",
  );
}

/** Runs a burst; a little after it starts, `cut` for the outage window, `restore` after it; /readyz polled throughout. */
async function outageDuringBurst(
  scenario: Scenario,
  app: AppProcess,
  settings: Settings,
  cut: () => Promise<void>,
  restore: () => Promise<void>,
): Promise<ReadinessDuringOutage> {
  const pid = app.child.pid;
  const burst = scenario.burst(() => [app.url], settings.questionsPerTrial * 3, settings.answersPerTrial * 3);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await cut();
  const readings: Record<string, number> = {};
  const cutAt = Date.now();
  while (Date.now() - cutAt < settings.outageMs) {
    const status = await readyz(app.url);
    if (Date.now() - cutAt > 1000) readings[status] = (readings[status] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await restore();
  const restoredAt = Date.now();
  while ((await readyz(app.url)) !== "200" && Date.now() - restoredAt < 60_000) await new Promise((resolve) => setTimeout(resolve, 50));
  const readyAgainMs = Date.now() - restoredAt;
  await burst;
  return { readings, readyAgainMs, sameProcess: app.child.pid === pid && app.child.exitCode === null };
}

/** The app started with `env`, warmed up, then a burst during which `cut` takes something away and `restore` brings it back. */
async function outageScenario(
  world: World,
  env: Record<string, string>,
  port: number,
  settings: Settings,
  outage: { cut(): Promise<void>; restore(): Promise<void> },
): Promise<{ scenario: Scenario; readiness: ReadinessDuringOutage }> {
  const app = await startAppProcess(env, port);
  const scenario = new Scenario(world, `outage${port}`, settings.log);
  try {
    await prepare(world, app.url);
    await scenario.burst(() => [app.url], 10, 0);
    await scenario.settle();
    const readiness = await outageDuringBurst(
      scenario,
      app,
      settings,
      () => outage.cut(),
      () => outage.restore(),
    );
    await scenario.settle();
    return { scenario, readiness };
  } finally {
    await app.stop();
  }
}

export async function platformsAway(
  world: World,
  database: string,
  databaseEnv: DatabaseEnv,
  port: number,
  settings: Settings,
): Promise<{ verdict: Verdict; readiness: ReadinessDuringOutage }> {
  const slack = hostPort(world.slack.apiUrl);
  const discourse = hostPort(world.discourse.baseUrl);
  const proxies = [new TcpProxy(slack.host, slack.port), new TcpProxy(discourse.host, discourse.port)] as const;
  await Promise.all(proxies.map((proxy) => proxy.open()));
  const env = { ...world.env, ...databaseEnv, SLACK_API_URL: `http://${proxies[0].origin}/api/`, DISCOURSE_URL: `http://${proxies[1].origin}` };
  try {
    const { scenario, readiness } = await outageScenario(world, env, port, settings, {
      cut: async () => void (await Promise.all(proxies.map((proxy) => proxy.cut()))),
      restore: async () => void (await Promise.all(proxies.map((proxy) => proxy.open()))),
    });
    return { verdict: await scenario.verify(`Slack + Discourse away ${settings.outageMs / 1000} s`, database, databaseEnv), readiness };
  } finally {
    await Promise.all(proxies.map((proxy) => proxy.close()));
  }
}

export async function databaseCut(
  world: World,
  databaseEnv: { DATABASE_URL: string },
  port: number,
  settings: Settings,
): Promise<{ verdict: Verdict; readiness: ReadinessDuringOutage }> {
  const server = hostPort(databaseEnv.DATABASE_URL);
  const proxy = new TcpProxy(server.host, server.port);
  await proxy.open();
  const url = new URL(databaseEnv.DATABASE_URL);
  url.host = proxy.origin;
  try {
    const { scenario, readiness } = await outageScenario(world, { ...world.env, DATABASE_URL: url.toString() }, port, settings, {
      cut: () => proxy.cut(),
      restore: () => proxy.open(),
    });
    return { verdict: await scenario.verify(`database cut ${settings.outageMs / 1000} s`, "PostgreSQL", databaseEnv), readiness };
  } finally {
    await proxy.close();
  }
}
