// Everything the app talks to, on 127.0.0.1, at the real platforms' ceilings: Slack (1 message a second per
// channel, 429 + Retry-After beyond), Bot Framework (Teams' per-thread windows: 7 in 1 s, 8 in 2 s, 60 in 30 s,
// 429 beyond) and Discourse (60 API requests a minute, 429 with extras.wait_seconds beyond). The demo's stand-ins,
// with their limits switched on.
import { SlackStandIn, type SlackUser } from "../../demo/standIns/slackApi";
import { DiscourseStandIn, type CommunityUser } from "../../demo/standIns/discourse";
import { BotFrameworkStandIn, TEAMS_THREAD_LIMITS, TENANT, type TeamsUser } from "../../demo/standIns/botFramework";
import { SlackSender } from "../../demo/standIns/slackRequests";
import { TeamsSender } from "../../demo/standIns/teamsRequests";
import { SUPPORT_TEAM } from "../../demo/teamsStory";

// Bench-only credentials: nothing here is a real secret.
const SLACK_BOT_TOKEN = "xoxb-bench-000000000000-not-a-real-token";
export const SLACK_SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
const DISCOURSE_API_KEY = "bench-all-users-api-key";
const DISCOURSE_WEBHOOK_SECRET = "bench-discourse-webhook-secret";
const TEAMS_APP = { id: "5a0d7e2c-1b3f-4c6d-9e8a-7f6b5c4d3e2f", password: "bench-teams-client-secret" };

export const CHANNELS = Array.from({ length: 10 }, (_, i) => `C0BENCH${String(i).padStart(2, "0")}`);
export const admin: SlackUser = {
  id: "U0ADMIN",
  name: "dana",
  realName: "Dana Verhoeven",
  displayName: "Dana",
  email: "dana@voltaro.example",
  locale: "en-GB",
  tz: "Europe/Amsterdam",
};
export const priya: SlackUser = {
  id: "U0PRIYA",
  name: "priya",
  realName: "Priya Raman",
  displayName: "Priya",
  email: "priya@voltaro.example",
  locale: "en-GB",
  tz: "Europe/Amsterdam",
};
export const sanne: TeamsUser = {
  id: "29:1Kq8ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS_yXvBn3MkLp8HsJd2Fg6Ct",
  aadObjectId: "b7c6d5e4-f3a2-4b1c-9d0e-8f7a6b5c4d3e",
  name: "Sanne de Vries",
  displayName: "Sanne",
  email: "sanne.devries@voltaro.example",
  locale: "en-GB",
};
export const customer: CommunityUser = { id: 312, username: "marieke_vdberg", name: "Marieke van den Berg", email: "marieke.vdberg@example.nl", trustLevel: 1 };
const priyaOnCommunity: CommunityUser = { id: 77, username: "priya", name: "Priya Raman", email: "priya@voltaro.example", trustLevel: 3 };

export interface World {
  slack: SlackStandIn;
  discourse: DiscourseStandIn;
  teams: BotFrameworkStandIn;
  /** The app's environment, pointing at the stand-ins. */
  env: Record<string, string>;
  senders(appUrl: string): { slack: SlackSender; teams: TeamsSender };
  close(): Promise<void>;
}

export async function startWorld(options: { ceilings: boolean }): Promise<World> {
  const slack = new SlackStandIn(
    SLACK_BOT_TOKEN,
    { [admin.id]: admin, [priya.id]: priya },
    Object.fromEntries(CHANNELS.map((id, i) => [id, `questions-${i}`])),
    options.ceilings ? { postsPerChannelPerSecond: 1 } : {},
  );
  const discourse = new DiscourseStandIn(
    DISCOURSE_API_KEY,
    DISCOURSE_WEBHOOK_SECRET,
    [customer, priyaOnCommunity],
    options.ceilings ? { requestsPerMinute: 60 } : {},
  );
  const teams = new BotFrameworkStandIn(TEAMS_APP, [sanne], SUPPORT_TEAM, options.ceilings ? { perThread: TEAMS_THREAD_LIMITS } : {});
  await Promise.all([slack.start(), discourse.start(), teams.start()]);
  return {
    slack,
    discourse,
    teams,
    env: {
      ADVOCATE_ADMIN_IDS: `${admin.id},${sanne.aadObjectId}`,
      LOG_LEVEL: "warn",
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      MicrosoftAppId: TEAMS_APP.id,
      MicrosoftAppPassword: TEAMS_APP.password,
      MicrosoftAppType: "MultiTenant",
      TEAMS_TENANT_IDS: TENANT,
      BOT_FRAMEWORK_STAND_IN_URL: teams.baseUrl,
      DISCOURSE_URL: discourse.baseUrl,
      DISCOURSE_API_KEY,
      DISCOURSE_WEBHOOK_SECRET,
    },
    senders: (appUrl) => ({ slack: new SlackSender(appUrl, SLACK_SIGNING_SECRET, slack), teams: new TeamsSender(appUrl, teams) }),
    close: async () => {
      await discourse.settle();
      await Promise.all([slack.close(), teams.close(), discourse.close()]);
    },
  };
}
