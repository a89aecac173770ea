// Slack's work after an ack waits while another request is still to be answered (chat/shared/ackFirst.ts), for at
// most LONGEST_WAIT_MS. Here the request in front is a Teams message held inside its turn, and the work after the
// ack is `/advocate help`'s reply to its response_url.
import nock from "nock";
import { LONGEST_WAIT_MS } from "../../src/chat/shared/ackFirst";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { slashCommand } from "../support/slackPayloads";
import { slackHeaders } from "../support/signing";
import { FakeConnector, activities, botFramework } from "../support/teams";

const RESPONSE_URL = "https://hooks.slack.com/commands/T04VLT8RQ2M/1/ackfirst";

let app: TestApp;

beforeEach(async () => {
  app = await startTestApp();
  botFramework();
  new FakeConnector().listen();
  new FakeSlack().listen();
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

/** Holds every Teams activity where it looks up who sent it, until released; resolves once one is held. */
async function holdTeams(): Promise<{ answered: Promise<Response>; release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const employees = app.deps.store.employees;
  const ensure = employees.ensure.bind(employees);
  let reached!: () => void;
  const isHeld = new Promise<void>((resolve) => (reached = resolve));
  jest.spyOn(employees, "ensure").mockImplementation(async (surface, externalId, displayName) => {
    if (surface === "teams") {
      reached();
      await held;
    }
    return ensure(surface, externalId, displayName);
  });
  const answered = app.postTeams(activities.message("help"));
  await isHeld;
  return { answered, release };
}

/** Sends `/advocate help` straight to the endpoint (the test app's helper would wait for its after-work). */
async function slashHelp(): Promise<{ sentAt: number; reply: Promise<number> }> {
  const reply = new Promise<number>((resolve) =>
    nock("https://hooks.slack.com")
      .post(new URL(RESPONSE_URL).pathname)
      .reply(() => (resolve(performance.now()), [200, "ok"])),
  );
  const body = new URLSearchParams({ ...slashCommand("help"), response_url: RESPONSE_URL }).toString();
  const sentAt = performance.now();
  const ack = await fetch(`${app.url}/slack/events`, { method: "POST", body, headers: slackHeaders(body, "application/x-www-form-urlencoded") });
  expect(ack.status).toBe(200);
  return { sentAt, reply };
}

test("a command's reply waits until the Teams message in front of it is answered", async () => {
  const teams = await holdTeams();
  const slash = await slashHelp();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const releasedAt = performance.now();
  teams.release();
  expect((await teams.answered).status).toBe(200);
  const repliedAt = await slash.reply;
  // Without the order the reply goes out at once; on a machine that stood still meanwhile the longest wait may end first.
  expect(repliedAt >= releasedAt || repliedAt - slash.sentAt >= LONGEST_WAIT_MS - 1).toBe(true);
  await app.idle();
});

test("… but no longer than LONGEST_WAIT_MS", async () => {
  const teams = await holdTeams();
  const slash = await slashHelp();
  const repliedAt = await slash.reply;
  // Timers round to the millisecond.
  expect(repliedAt - slash.sentAt).toBeGreaterThanOrEqual(LONGEST_WAIT_MS - 1);
  teams.release();
  expect((await teams.answered).status).toBe(200);
  await app.idle();
});
