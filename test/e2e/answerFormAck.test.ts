// Slack gives a view submission 3 seconds, and under load the database may not answer in time. So the answer form
// is acknowledged as soon as the form itself is known to be fine; a refusal found afterwards (here: no linked
// community account, with the database slowed down) reaches the employee as a direct message with their text.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { answerSubmission } from "../support/slackPayloads";
import { routedCard } from "../support/scenario";
import { slackHeaders } from "../support/signing";

const NEWCOMER = "U0NEWCOMER";
const ANSWER = "Bij een overstap verrekenen we de maandtermijn; de tweede afschrijving komt binnen 5 dagen terug.";

let app: TestApp;
let slack: FakeSlack;

beforeEach(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  captureResponseUrls();
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

test("the form is acknowledged before the database answers; a refusal found after comes as a DM with the text", async () => {
  const ts = await routedCard(app);
  const answers = app.deps.store.answers;
  const lookUp = answers.bySubmissionKey.bind(answers);
  // The lookup answers only once the ack has come back: an ack that waited for it would never come.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const slowLookUp = jest.spyOn(answers, "bySubmissionKey").mockImplementation(async (key) => {
    await held;
    return lookUp(key);
  });

  // Straight to the endpoint: the test app's helper would also wait for the handler to finish.
  const body = new URLSearchParams({ payload: JSON.stringify(answerSubmission(ANSWER, ts, { user: NEWCOMER, viewId: "V0SLOWFORM1" })) }).toString();
  const reply = await fetch(`${app.url}/slack/events`, { method: "POST", body, headers: slackHeaders(body, "application/x-www-form-urlencoded") });
  expect(reply.status).toBe(200);
  expect(await reply.text()).toBe("");
  release();

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

test.each([
  ["an empty answer", "   ", {}, "answer", /Write an answer first/],
  ["no consent", ANSWER, { consent: false }, "consent", /published under your own name/],
])("%s stays in the form, with the field's message; nothing is stored or sent", async (_name, text, options, field, message) => {
  const ts = await routedCard(app);
  const reply = await app.interaction(answerSubmission(text, ts, { user: NEWCOMER, ...options }));
  expect(reply.status).toBe(200);
  expect(((await reply.json()) as { response_action: string; errors: Record<string, string> }).errors[field]).toMatch(message);
  await app.drain();
  expect(await app.db.prisma.answer.count()).toBe(0);
  expect(slack.of("chat.postMessage").some((call) => call.body.channel === NEWCOMER)).toBe(false);
});

test("a form problem is told in the form's own language, with no database read before the ack", async () => {
  const ts = await routedCard(app);
  const payload = answerSubmission("  ", ts, { user: NEWCOMER });
  payload.view.private_metadata = JSON.stringify({ ...JSON.parse(payload.view.private_metadata), locale: "nl" });
  // Whose form it is would take the database; under load that read alone could pass Slack's 3 seconds.
  const lookUp = jest.spyOn(app.deps.store.employees, "ensure");
  const reply = await app.interaction(payload);
  expect(((await reply.json()) as { errors: Record<string, string> }).errors.answer).toMatch(/Schrijf eerst een antwoord/);
  expect(lookUp).not.toHaveBeenCalled();
});
