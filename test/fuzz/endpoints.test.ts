// Hostile input at every endpoint: mutated real payloads, correctly signed so they reach the handlers, and bodies
// that are not JSON at all. Only 2xx or 4xx answers, never a 5xx; the process stays up; a 4xx writes nothing.
// FUZZ_RUNS sets the number of payloads per endpoint (CI runs a quick 150; `npm run fuzz` runs 10,000).
import fc from "fast-check";
import nock from "nock";
import { fixture, fixtureText } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { FakeConnector, activities, botFramework } from "../support/teams";
import { garbage, mutated } from "../support/mutate";
import { routedCard } from "../support/scenario";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
// The quick run in `npm test` is repeatable (a fixed seed); the long run explores (a new seed each time, printed on failure).
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : RUNS > 1000 ? undefined : 20261123;
const options = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });
jest.setTimeout(Math.max(120_000, RUNS * 1000));

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  botFramework();
  new FakeSlack().listen();
  new FakeConnector().listen();
  await app.postTeams(activities.botAdded());
  await routedCard(app);
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

/** Rows that input may create; a refused request must not change any of them. */
const footprint = async () =>
  [
    await app.db.prisma.inboundEvent.count(),
    await app.db.prisma.employee.count(),
    await app.db.prisma.answer.count(),
    await app.db.prisma.outboxItem.count(),
    await app.db.prisma.routingRule.count(),
  ].join(",");

async function expectHandled(send: () => Promise<Response>, input: unknown): Promise<void> {
  const before = await footprint();
  const response = await send();
  const body = await response.text();
  const what = `${JSON.stringify(input)?.slice(0, 600)} → ${body.slice(0, 300)}`;
  if (response.status >= 500) throw new Error(`answered ${response.status}: ${what}`);
  if (response.status >= 400 && (await footprint()) !== before) throw new Error(`answered ${response.status} but wrote rows: ${what}`);
}

const discourseEvents = [
  ["topic_created", "discourse/topic_created.json"],
  ["post_created", "discourse/post_created_first_post.json"],
  ["post_created", "discourse/post_created.json"],
  ["accepted_solution", "discourse/accepted_solution.json"],
  ["post_liked", "discourse/post_liked.json"],
] as const;

test("Discourse webhooks: mutated, correctly signed events", async () => {
  const event = fc.constantFrom(...discourseEvents).chain(([name, file]) => fc.tuple(fc.constant(name), mutated(fixture(file))));
  await fc.assert(
    fc.asyncProperty(event, fc.string({ minLength: 1, maxLength: 12 }), async ([name, body], eventId) => {
      await expectHandled(() => app.postDiscourse(name, body, { eventId: `fuzz-${eventId}` }), body);
    }),
    options(RUNS),
  );
  await fc.assert(
    fc.asyncProperty(garbage, async (raw) => expectHandled(() => app.postDiscourse("post_created", null, { raw }), raw)),
    options(Math.ceil(RUNS / 5)),
  );
});

test("Slack interactions and events: mutated, correctly signed payloads", async () => {
  const ts = (await app.db.prisma.card.findFirstOrThrow()).messageRef as string;
  const interaction = fc.oneof(
    mutated({ ...fixture<Record<string, unknown>>("slack/block_actions.json"), container: { type: "message", channel_id: "C06KLNTVRG4", message_ts: ts } }),
    mutated(fixture("slack/view_submission.json")),
  );
  await fc.assert(
    fc.asyncProperty(interaction, async (payload) => expectHandled(() => app.interaction(payload), payload)),
    options(RUNS),
  );
  await fc.assert(
    fc.asyncProperty(mutated(fixture("slack/app_home_opened.json")), async (event) =>
      expectHandled(() => app.postSlack(JSON.stringify(event), "application/json"), event),
    ),
    options(Math.ceil(RUNS / 2)),
  );
});

test("Slack slash commands: any text, any fields", async () => {
  const fields = Object.fromEntries(new URLSearchParams(fixtureText("slack/slash_command.txt").trim()));
  const command = fc.record({
    text: fc.string({ maxLength: 120 }),
    user_id: fc.constantFrom("U05SDV2R7KQ", "UADMIN001", "", "x"),
    channel_id: fc.string({ maxLength: 12 }),
  });
  await fc.assert(
    fc.asyncProperty(command, async (extra) => expectHandled(() => app.slashCommand({ ...fields, ...extra }), extra)),
    options(RUNS),
  );
});

test("Teams activities: mutated, correctly signed messages and invokes", async () => {
  const activity = fc.oneof(
    mutated(activities.message("points")),
    mutated(activities.cardAction("advocate.claim", { topicId: 4821 })),
    mutated(activities.taskFetch({ action: "advocate.answer", topicId: 4821 })),
    mutated(
      activities.taskSubmit({
        action: "advocate.submitAnswer",
        topicId: 4821,
        submissionKey: "5b0c1a52-3f0e-4d55-9a53-3c2f4f1e8a10",
        answerText: "Hoi",
        publishAsMe: "true",
      }),
    ),
    mutated(activities.botAdded()),
  );
  await fc.assert(
    fc.asyncProperty(activity, async (body) => expectHandled(() => app.postTeams(body), body)),
    options(RUNS),
  );
  await fc.assert(
    fc.asyncProperty(garbage, async (raw) => expectHandled(() => app.postTeams(raw), raw)),
    options(Math.ceil(RUNS / 5)),
  );
});

test("after all that the app is healthy and its outbox still drains", async () => {
  await app.drain();
  expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
});
