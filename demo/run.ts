// `npm run demo`: the real Advocate (startAdvocate: HTTP server, Bolt, the Teams bot, Discourse webhook route,
// outbox worker) on embedded PGlite in a fresh temporary directory, talking to stand-ins for Slack, Microsoft's
// Bot Framework and Discourse on 127.0.0.1.
// Prints who saw what, then the leaderboard and where the web console is (`-- --console` keeps it open until Ctrl-C,
// with stand-in sign-ins). Exit code 0 when the story completes, 1 with the failed step otherwise.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/logger";
import { startAdvocate, type Advocate } from "../src/app";
import { SlackStandIn, type SlackUser } from "./standIns/slackApi";
import { DiscourseStandIn } from "./standIns/discourse";
import { SlackSender } from "./standIns/slackRequests";
import { BotFrameworkStandIn, TENANT, type TeamsUser } from "./standIns/botFramework";
import { TeamsSender } from "./standIns/teamsRequests";
import { Transcript } from "./transcript";
import { narrateDiscourse, narrateSlack, narrateTeams } from "./narrate";
import { BILLING, GENERAL, runStory } from "./story";
import { SUPPORT_TEAM } from "./teamsStory";
import { describeConsole, KEEP_CONSOLE_OPEN, startDemoConsole, untilInterrupted, type DemoConsole } from "./console";

// Demo-only credentials: nothing here is a real secret.
const SLACK_BOT_TOKEN = "xoxb-demo-000000000000-not-a-real-token";
const SLACK_SIGNING_SECRET = "demo-signing-secret-0123456789abcdef";
const DISCOURSE_API_KEY = "demo-all-users-api-key";
const DISCOURSE_WEBHOOK_SECRET = "demo-discourse-webhook-secret";
const TEAMS_APP = { id: "5a0d7e2c-1b3f-4c6d-9e8a-7f6b5c4d3e2f", password: "demo-teams-client-secret" };
/** The whole story must finish well within this. */
const DEMO_TIMEOUT_MS = 25_000;

const admin: SlackUser = {
  id: "U0ADMIN",
  name: "dana",
  realName: "Dana Verhoeven",
  displayName: "Dana",
  email: "dana@voltaro.example",
  locale: "en-GB",
  tz: "Europe/Amsterdam",
};
const priya: SlackUser = {
  id: "U0PRIYA",
  name: "priya",
  realName: "Priya Raman",
  displayName: "Priya",
  email: "priya@voltaro.example",
  locale: "en-GB",
  tz: "Europe/Amsterdam",
};
// Dana again, in Teams: there admins are listed by their Entra ID object id.
const teamsAdmin: TeamsUser = {
  id: "29:1Pz7Wq2LcV8nMx4RkT6yHbJ3gF9dS5aE0uIo1QwErT_zXcVb7NmLk2JhGf4DsA",
  aadObjectId: "e1d2c3b4-a5f6-4a7b-8c9d-0e1f2a3b4c5d",
  name: "Dana Verhoeven",
  displayName: "Dana",
  email: "dana@voltaro.example",
  locale: "en-GB",
};
const sanne: TeamsUser = {
  id: "29:1Kq8ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS_yXvBn3MkLp8HsJd2Fg6Ct",
  aadObjectId: "b7c6d5e4-f3a2-4b1c-9d0e-8f7a6b5c4d3e",
  name: "Sanne de Vries",
  displayName: "Sanne",
  email: "sanne.devries@voltaro.example",
  locale: "en-GB",
};

async function main(): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "advocate-demo-"));
  const slack = new SlackStandIn(SLACK_BOT_TOKEN, { [admin.id]: admin, [priya.id]: priya }, { [BILLING]: "billing-experts", [GENERAL]: "general" });
  const discourse = new DiscourseStandIn(DISCOURSE_API_KEY, DISCOURSE_WEBHOOK_SECRET, [
    { id: 312, username: "marieke_vdberg", name: "Marieke van den Berg", email: "marieke.vdberg@example.nl", trustLevel: 1 },
    { id: 418, username: "j.okafor", name: "James Okafor", email: "james.okafor@example.com", trustLevel: 2 },
    { id: 77, username: "priya", name: "Priya Raman", email: "priya@voltaro.example", trustLevel: 3, title: "Voltaro team" },
    { id: 533, username: "tom.becker", name: "Tom Becker", email: "tom.becker@example.de", trustLevel: 1 },
    { id: 81, username: "sanne.devries", name: "Sanne de Vries", email: "sanne.devries@voltaro.example", trustLevel: 3, title: "Voltaro team" },
  ]);
  const teams = new BotFrameworkStandIn(TEAMS_APP, [teamsAdmin, sanne], SUPPORT_TEAM);
  const transcript = new Transcript({
    users: { [admin.id]: admin.displayName, [priya.id]: priya.displayName, [teamsAdmin.id]: teamsAdmin.displayName, [sanne.id]: sanne.displayName },
    channels: { [BILLING]: "billing-experts", [GENERAL]: "general", ...Object.fromEntries(SUPPORT_TEAM.channels.map((channel) => [channel.id, channel.name])) },
  });
  let app: Advocate | null = null;
  let web: DemoConsole | null = null;
  // Who the stand-in sign-ins sign in: Sanne (HR in the demo) with Microsoft, Priya with Slack.
  const consolePeople = { entra: { email: sanne.email, name: sanne.name }, slack: { email: priya.email, name: priya.realName } };

  const cleanup = async () => {
    await discourse.settle();
    await app?.stop(); // HTTP server, worker, PGlite
    app = null;
    await Promise.all([slack.close(), teams.close(), discourse.close(), web?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await Promise.all([slack.start(), teams.start(), discourse.start()]);
    web = await startDemoConsole(consolePeople);
    const result = loadConfig({
      PORT: String(web.port),
      ADVOCATE_DATA_DIR: dataDir,
      LOG_LEVEL: process.env.DEMO_LOG_LEVEL ?? "silent",
      ADVOCATE_ADMIN_IDS: `${admin.id},${teamsAdmin.aadObjectId}`,
      ADVOCATE_HR_IDS: sanne.email,
      DEFAULT_LOCALE: "en",
      ROUTE_DELAY_MS: "0",
      SLACK_CHANNEL_PACE_MS: "50",
      OUTBOX_POLL_MS: "50",
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      MicrosoftAppId: TEAMS_APP.id,
      MicrosoftAppPassword: TEAMS_APP.password,
      MicrosoftAppType: "MultiTenant",
      TEAMS_TENANT_IDS: TENANT,
      BOT_FRAMEWORK_STAND_IN_URL: teams.baseUrl,
      TEAMS_CHANNEL_PACE_MS: "50",
      DISCOURSE_URL: discourse.baseUrl,
      DISCOURSE_API_KEY,
      DISCOURSE_WEBHOOK_SECRET,
      // The stand-in has no rate limit; the real default (60 a minute) would add a second to every community step.
      DISCOURSE_REQUESTS_PER_MINUTE: "600",
      ...web.env,
    });
    if (!result.ok) throw new Error(`demo configuration rejected:\n${result.problems.join("\n")}`);
    const config = result.config;

    transcript.raw("Advocate demo: the real app on embedded PGlite, with stand-ins for Slack, Teams (Bot Framework) and Discourse on 127.0.0.1");
    transcript.raw(`  data dir   ${dataDir}`);
    transcript.raw(`  Slack API  ${slack.apiUrl}  ·  Bot Framework  ${teams.baseUrl}  ·  Discourse  ${discourse.baseUrl}`);
    app = await startAdvocate(config, { logger: createLogger(config.LOG_LEVEL), startSchedules: false });
    const running: Advocate = app;
    transcript.raw(`  Advocate   ${running.url}  (/slack/events, /api/messages, /webhooks/discourse)`);
    discourse.setWebhook(`${running.url}/webhooks/discourse`);
    narrateSlack(slack, transcript);
    narrateTeams(teams, transcript);
    narrateDiscourse(discourse, transcript);

    const quiet = () => waitForOutbox(running);
    const story = runStory({
      slack,
      discourse,
      sender: new SlackSender(running.url, SLACK_SIGNING_SECRET, slack),
      transcript,
      admin,
      priya,
      teams: { teams, sender: new TeamsSender(running.url, teams), admin: teamsAdmin, sanne },
      quiet,
    });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the demo did not finish within ${DEMO_TIMEOUT_MS / 1000} s`)), DEMO_TIMEOUT_MS);
    });
    const board = await Promise.race([story, deadline]).finally(() => clearTimeout(timer));

    transcript.heading("Leaderboard");
    transcript.raw(
      board
        .replace(/\*/g, "")
        .split("\n")
        .map((line) => `  ${line}`)
        .join("\n"),
    );
    transcript.heading("Web console");
    for (const line of await describeConsole(web, running, consolePeople, admin.id)) transcript.raw(`  ${line}`);
    if (KEEP_CONSOLE_OPEN) await untilInterrupted();
    await cleanup();
    console.log("\nDemo finished: every step happened as expected.");
    return 0;
  } catch (error) {
    console.error(`\nDEMO FAILED: ${error instanceof Error ? error.message : String(error)}`);
    await cleanup().catch((cleanupError: unknown) => console.error(`cleanup failed too: ${String(cleanupError)}`));
    return 1;
  }
}

/** The app's outbox has nothing pending, and nothing died on the way. */
async function waitForOutbox(app: Advocate): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [row] = await app.db.sql.query<{ pending: number; dead: number }>(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'dead')::int AS dead FROM "OutboxItem"`,
    );
    if (row && row.dead > 0) {
      const dead = await app.db.sql.query<{ kind: string; lastError: string | null }>(`SELECT kind, "lastError" FROM "OutboxItem" WHERE status = 'dead'`);
      throw new Error(`outbox work failed: ${dead.map((item) => `${item.kind}: ${item.lastError ?? "?"}`).join("; ")}`);
    }
    if (row && row.pending === 0) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the outbox to finish (${row?.pending ?? "?"} items pending)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything is closed; if some handle still held the process open, say so instead of hanging.
    setTimeout(() => {
      console.error("demo: something kept the process alive after shutdown; exiting");
      process.exit(code || 1);
    }, 3000).unref();
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
