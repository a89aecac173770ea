// Misconfiguration stops the start with one clear line per problem, and no secret ever reaches the logs.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { Writable } from "node:stream";
import nock from "nock";
import { loadConfig } from "../src/config";
import { createLogger } from "../src/logger";
import { fixture } from "./support/fixtures";
import { DISCOURSE_SECRET, SLACK_SIGNING_SECRET } from "./support/signing";
import { DISCOURSE_URL, startTestApp } from "./support/testApp";
import { FakeSlack } from "./support/slackApi";
import { answerSubmission } from "./support/slackPayloads";
import { FakeConnector, TEAMS_APP_PASSWORD, activities, botFramework } from "./support/teams";
import { linkedEmployee, routedCard } from "./support/scenario";

test("every problem is named, without echoing values", () => {
  const result = loadConfig({ SLACK_BOT_TOKEN: "xoxp-wrong-kind", DISCOURSE_URL: "not a url", DATABASE_URL: "mysql://x", ADVOCATE_TIMEZONE: "Mars/Olympus" });
  expect(result.ok).toBe(false);
  const problems = result.ok ? [] : result.problems;
  expect(problems.find((p) => p.startsWith("SLACK_BOT_TOKEN"))).toMatch(/xoxb-/);
  expect(problems.some((p) => p.startsWith("SLACK_SIGNING_SECRET"))).toBe(true);
  expect(problems.some((p) => p.startsWith("DISCOURSE_URL"))).toBe(true);
  expect(problems.some((p) => p.startsWith("DISCOURSE_API_KEY"))).toBe(true);
  expect(problems.some((p) => p.startsWith("DATABASE_URL"))).toBe(true);
  expect(problems.some((p) => p.startsWith("ADVOCATE_TIMEZONE"))).toBe(true);
  expect(problems.join("\n")).not.toContain("xoxp-wrong-kind");
});

test("business hours, holidays and AI settings are checked too, each with how to write it", () => {
  const result = loadConfig({
    ADVOCATE_BUSINESS_HOURS: "weekdays 9 to 5",
    ADVOCATE_HOLIDAYS: "2026-12-25,christmas",
    OPENAI_API_KEY: "sk-x",
    OPENAI_BASE_URL: "not a url",
    AI_CONFIDENCE_THRESHOLD: "2",
  });
  const problems = result.ok ? [] : result.problems;
  expect(problems.find((p) => p.startsWith("ADVOCATE_BUSINESS_HOURS"))).toContain("mon-fri 09:00-17:00");
  expect(problems.find((p) => p.startsWith("ADVOCATE_HOLIDAYS"))).toContain("2026-12-25");
  expect(problems.find((p) => p.startsWith("OPENAI_BASE_URL"))).toContain("openai/v1");
  expect(problems.some((p) => p.startsWith("AI_CONFIDENCE_THRESHOLD"))).toBe(true);
  expect(problems.join("\n")).not.toContain("sk-x");
});

test("Slack, Teams or both: each surface is checked once any of its variables is set, and one must be", () => {
  const base = { DISCOURSE_URL, DISCOURSE_API_KEY: "k", DISCOURSE_WEBHOOK_SECRET: DISCOURSE_SECRET };
  const neither = loadConfig(base);
  expect(neither.ok ? [] : neither.problems).toEqual([expect.stringMatching(/SLACK_BOT_TOKEN or MicrosoftAppId must be set/)]);

  const teams = { MicrosoftAppId: "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a", MicrosoftAppPassword: "secret" };
  const teamsOnly = loadConfig({ ...base, ...teams, TEAMS_TENANT_IDS: "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" });
  expect(teamsOnly.ok && teamsOnly.config.slack === null && teamsOnly.config.teams?.MicrosoftAppType).toBe("MultiTenant");
  // Whatever the app type, the organisations served must be named.
  const anyTenant = loadConfig({ ...base, ...teams });
  expect(anyTenant.ok ? [] : anyTenant.problems).toEqual([expect.stringMatching(/^TEAMS_TENANT_IDS or MicrosoftAppTenantId must name/)]);

  const badTeams = loadConfig({ ...base, MicrosoftAppId: "advocate-bot", MicrosoftAppType: "SingleTenant" });
  const problems = badTeams.ok ? [] : badTeams.problems;
  expect(problems.find((p) => p.startsWith("MicrosoftAppId"))).toMatch(/GUID/);
  expect(problems.some((p) => p.startsWith("MicrosoftAppPassword"))).toBe(true);
  expect(problems.find((p) => p.startsWith("MicrosoftAppTenantId"))).toMatch(/SingleTenant/);
  expect(problems.some((p) => p.startsWith("SLACK_"))).toBe(false);
});

test("a Teams-only install serves /api/messages and has no Slack endpoint", async () => {
  const app = await startTestApp({ env: { SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "", SLACK_API_URL: "" } });
  try {
    expect(app.deps.chat.slack).toBeUndefined();
    expect(app.deps.chat.teams).toBeDefined();
    expect((await fetch(`${app.url}/slack/events`, { method: "POST", body: "{}" })).status).toBe(404);
    expect((await app.postTeams({}, "")).status).toBe(400);
  } finally {
    await app.stop();
  }
});

test("`npm start` with a bad environment prints one line per problem and no stack trace", async () => {
  const root = path.resolve(__dirname, "..");
  const run = promisify(execFile)(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "src/main.ts")], {
    cwd: path.join(root, "test"), // no .env here
    env: { PATH: process.env.PATH ?? "", SLACK_BOT_TOKEN: "nope" },
  });
  const failure = await run.then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stderr).toContain("Advocate cannot start");
  expect(failure?.stderr).toMatch(/- SLACK_BOT_TOKEN .*xoxb-/);
  expect(failure?.stderr).not.toMatch(/\n\s+at /);
}, 30000);

test("logs of a whole loop at debug level contain no configured secret", async () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
  const app = await startTestApp({ logger: createLogger("trace", sink as never), env: { LOG_LEVEL: "trace" } });
  try {
    new FakeSlack().listen();
    const ts = await routedCard(app);
    await linkedEmployee(app);
    nock(DISCOURSE_URL).post("/posts.json").reply(200, fixture("discourse/create_post_response.json"));
    await app.interaction(answerSubmission("Een antwoord met genoeg tekst.", ts));
    await app.drain();
    await app.postDiscourse("post_created", fixture("discourse/post_created.json"), { signature: "sha256=00" });
    botFramework();
    new FakeConnector().listen();
    await app.postTeams(activities.message("points"));
  } finally {
    await app.stop();
    nock.cleanAll();
  }
  expect(lines.join("").length).toBeGreaterThan(100);
  const secrets = {
    SLACK_BOT_TOKEN: "xoxb-test-token-123",
    SLACK_SIGNING_SECRET,
    DISCOURSE_WEBHOOK_SECRET: DISCOURSE_SECRET,
    DISCOURSE_API_KEY: "test-discourse-api-key",
    MicrosoftAppPassword: TEAMS_APP_PASSWORD,
  };
  // Names the secret and the log lines that leaked it, if any.
  const leaks = Object.entries(secrets).flatMap(([name, secret]) =>
    lines.filter((line) => line.includes(secret)).map((line) => `${name}: ${line.slice(0, 300)}`),
  );
  expect(leaks).toEqual([]);
});
