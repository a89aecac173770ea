// Slack's signature is checked on the raw bytes before anything is parsed, with the 5-minute window in both
// directions, and a signed command or interaction is taken once: one signed for the future is refused with 401, and
// a captured one sent again is acknowledged and does nothing.
import { startTestApp, type TestApp } from "../support/testApp";
import { slackHeaders } from "../support/signing";
import { slashCommand } from "../support/slackPayloads";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const FORM = "application/x-www-form-urlencoded";
const body = (text: string) => new URLSearchParams(slashCommand(text)).toString();
const now = () => Math.floor(Date.now() / 1000);

test("a slash command signed 10 minutes in the future or the past is refused", async () => {
  for (const skew of [600, -600]) {
    const text = body("help");
    const response = await app.postSlack(text, FORM, slackHeaders(text, FORM, now() + skew));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "timestamp outside the 5-minute window" });
  }
  // Within the window, either way, it is answered.
  const text = body("help");
  expect((await app.postSlack(text, FORM, slackHeaders(text, FORM, now() + 60))).status).toBe(200);
});

test("a signed slash command replayed within its window runs nothing", async () => {
  const text = body("story every mon 09:00");
  const headers = slackHeaders(text, FORM, now() - 30);
  expect((await app.postSlack(text, FORM, headers)).status).toBe(200);
  const replay = await app.postSlack(text, FORM, headers);
  expect(replay.status).toBe(200);
  expect(await replay.text()).toBe("");
  expect(await app.db.prisma.storySchedule.count()).toBe(1);
});

test("an unsigned body is refused for its signature before its shape is looked at", async () => {
  const response = await app.postSlack("payload=null", FORM, { "x-slack-signature": "v0=00", "x-slack-request-timestamp": String(now()) });
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ error: "invalid signature" });
});
