// Slack gives a view submission 3 seconds. When storing the answer takes longer (here: a database slowed down under
// load), the form is acknowledged in time anyway, and the refusal that comes later reaches the employee as a
// direct message with their text.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { answerSubmission } from "../support/slackPayloads";
import { routedCard } from "../support/scenario";
import { slackHeaders } from "../support/signing";
import { ACK_DEADLINE_MS } from "../../src/chat/slack/handlers/ackDeadline";

const NEWCOMER = "U0NEWCOMER";
const ANSWER = "Bij een overstap verrekenen we de maandtermijn; de tweede afschrijving komt binnen 5 dagen terug.";

let app: TestApp;

beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

test("a submission slower than the deadline is acknowledged in time; its refusal comes as a DM with the text", async () => {
  const slack = new FakeSlack().listen();
  captureResponseUrls();
  const ts = await routedCard(app);
  const answers = app.deps.store.answers;
  const lookUp = answers.bySubmissionKey.bind(answers);
  const slowLookUp = jest.spyOn(answers, "bySubmissionKey").mockImplementation(async (key) => {
    await new Promise((resolve) => setTimeout(resolve, ACK_DEADLINE_MS + 800));
    return lookUp(key);
  });

  // Straight to the endpoint: the test app's helper would also wait for the handler to finish.
  const body = new URLSearchParams({ payload: JSON.stringify(answerSubmission(ANSWER, ts, { user: NEWCOMER, viewId: "V0SLOWFORM1" })) }).toString();
  const started = Date.now();
  const reply = await fetch(`${app.url}/slack/events`, { method: "POST", body, headers: slackHeaders(body, "application/x-www-form-urlencoded") });
  const ackMs = Date.now() - started;
  expect(reply.status).toBe(200);
  expect(await reply.text()).toBe("");
  expect(ackMs).toBeLessThan(ACK_DEADLINE_MS + 700);

  // The newcomer has no linked community account: not stored, and told so with their words.
  await app.idle();
  await app.drain();
  expect(slowLookUp).toHaveBeenCalledTimes(1);
  expect(await app.db.prisma.answer.count()).toBe(0);
  const dm = slack.of("chat.postMessage").find((call) => call.body.channel === NEWCOMER);
  expect(dm).toBeDefined();
  const text = slack.blocksText(dm!);
  expect(text).toContain("Your answer was not sent");
  expect(text).toContain("link");
  expect(text).toContain("de tweede afschrijving komt binnen 5 dagen terug");
});

test("a submission within the deadline keeps its field errors in the form", async () => {
  const slack = new FakeSlack().listen();
  captureResponseUrls();
  const ts = await routedCard(app);
  const reply = await app.interaction(answerSubmission(ANSWER, ts, { user: NEWCOMER, viewId: "V0FASTFORM1" }));
  expect(reply.status).toBe(200);
  expect(((await reply.json()) as { response_action: string; errors: Record<string, string> }).errors.answer).toMatch(/link/);
  await app.drain();
  expect(slack.of("chat.postMessage").some((call) => call.body.channel === NEWCOMER)).toBe(false);
});
