// Two app processes on one PostgreSQL during a burst, webhooks and forms alternating between them: the work is
// shared (each reaches the platforms through its own proxy, which counts its bytes), nothing is done twice, and a
// story schedule that both replicas time posts one story.
import { freePort, startAppProcess, type AppProcess } from "../../support/appProcess";
import { CHANNELS, admin, type World } from "../../support/world";
import { Scenario, type Verdict } from "../scenario";
import { hostPort, TcpProxy } from "../tcpProxy";
import { prepare, type Settings } from "./prepare";

export interface SharedWork {
  /** Each replica's share of the bytes sent to Slack and to Discourse. */
  slackShares: number[];
  discourseShares: number[];
  /** Stories the schedule posted in its channel (must be 1). */
  storiesPosted: number;
}

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** A minute both replicas will time: schedules reach other replicas at second 30, so at least one sync away. */
function nextSlot(now: Date): Date {
  const slot = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 60_000);
  return now.getUTCSeconds() < 25 ? slot : new Date(slot.getTime() + 60_000);
}

function shares(proxies: TcpProxy[]): number[] {
  const total = proxies.reduce((sum, proxy) => sum + proxy.bytesFromClients, 0);
  return proxies.map((proxy) => Number((proxy.bytesFromClients / (total || 1)).toFixed(2)));
}

export async function twoReplicas(
  world: World,
  databaseEnv: { DATABASE_URL: string },
  /** Names this run's traffic apart from the other scenarios'. */
  port: number,
  settings: Settings,
): Promise<{ verdict: Verdict; shared: SharedWork }> {
  const slack = hostPort(world.slack.apiUrl);
  const discourse = hostPort(world.discourse.baseUrl);
  const slackProxies = [new TcpProxy(slack.host, slack.port), new TcpProxy(slack.host, slack.port)];
  const discourseProxies = [new TcpProxy(discourse.host, discourse.port), new TcpProxy(discourse.host, discourse.port)];
  await Promise.all([...slackProxies, ...discourseProxies].map((proxy) => proxy.open()));
  const apps: AppProcess[] = [];
  const scenario = new Scenario(world, `replicas${port}`, settings.log);
  const storyChannel = CHANNELS[0] ?? "";
  let storiesPosted = 0;
  try {
    for (const [i, proxy] of slackProxies.entries()) {
      apps.push(
        await startAppProcess(
          { ...world.env, ...databaseEnv, SLACK_API_URL: `http://${proxy.origin}/api/`, DISCOURSE_URL: `http://${discourseProxies[i]?.origin ?? ""}` },
          await freePort(),
        ),
      );
    }
    const urls = () => apps.map((app) => app.url);
    await prepare(world, apps[0]?.url ?? "");
    await scenario.burst(urls, 20, 0);
    await scenario.settle();
    const slot = nextSlot(new Date());
    const reply = await world
      .senders(apps[1]?.url ?? "")
      .slack.command(admin, storyChannel, `story every ${WEEKDAYS[slot.getUTCDay()]} ${slot.toISOString().slice(11, 16)} UTC`);
    if (reply.status !== 200) throw new Error(`story every answered ${reply.status}`);
    const storiesBefore = new Set(storyMessages(world, storyChannel));
    await scenario.burst(urls, settings.questionsPerTrial * 6, settings.answersPerTrial * 4);
    await scenario.settle();
    settings.log(`PostgreSQL: two replicas, waiting for the story slot at ${slot.toISOString().slice(11, 16)} UTC`);
    while (Date.now() < slot.getTime() + 15_000) await new Promise((resolve) => setTimeout(resolve, 500));
    storiesPosted = storyMessages(world, storyChannel).filter((ts) => !storiesBefore.has(ts)).length;
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    await Promise.all([...slackProxies, ...discourseProxies].map((proxy) => proxy.close()));
  }
  const verdict = await scenario.verify("two replicas, one Postgres", "PostgreSQL", databaseEnv);
  return { verdict, shared: { slackShares: shares(slackProxies), discourseShares: shares(discourseProxies), storiesPosted } };
}

/** Top-level messages in a channel that are not question cards: there, only stories. */
function storyMessages(world: World, channel: string): string[] {
  return [...world.slack.messages.values()]
    .filter((message) => message.channel === channel && !message.metadata && !message.threadTs)
    .map((message) => message.ts);
}
