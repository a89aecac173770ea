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

test("`npm start` with a bad environment prints one line per problem and no stack trace", async () => {
  const root = path.resolve(__dirname, "..");
  const run = promisify(execFile)(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "src/main.ts")], {
    cwd: path.join(root, "test"), // no .env here
    env: { PATH: process.env.PATH ?? "", SLACK_BOT_TOKEN: "nope" },
  });
  const failure = await run.then(() => null, (error: { code: number; stderr: string }) => error);
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
  } finally {
    await app.stop();
    nock.cleanAll();
  }
  const all = lines.join("");
  expect(all.length).toBeGreaterThan(100);
  for (const secret of ["xoxb-test-token-123", SLACK_SIGNING_SECRET, DISCOURSE_SECRET, "test-discourse-api-key"]) {
    expect(all).not.toContain(secret);
  }
});
