// Teams under throttling and bad luck: the Bot Connector's 429, 412 and 5xx are retried through the outbox,
// and a card is posted once.
import nock from "nock";
import { fixture } from "../../support/fixtures";
import { startTestApp, type TestApp } from "../../support/testApp";
import { drainUntil } from "../../support/scenario";
import { FakeConnector, TEAMS_CHANNEL, activities, botFramework } from "../../support/teams";

let app: TestApp;

beforeEach(async () => {
  app = await startTestApp({ backoffBaseMs: 50 });
  botFramework();
  // Installed in the team, fallback channel for every question.
  new FakeConnector().listen();
  await app.postTeams(activities.botAdded());
  nock.cleanAll();
  botFramework();
  await app.deps.store.channels.setFallback("teams", TEAMS_CHANNEL);
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

async function newQuestion(): Promise<void> {
  await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
  await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
}

const posted = async () => Boolean((await app.db.prisma.card.findFirst({ where: { surface: "teams" } }))?.messageRef);

test.each([
  ["429 (throttled per conversation)", 429],
  ["412 (precondition failed under load)", 412],
  ["502", 502],
  ["504", 504],
])("Bot Connector %s while posting a card: retried, the card is posted once", async (_name, status) => {
  const connector = new FakeConnector().fail(/^POST \/v3\/conversations$/, status).listen();
  await newQuestion();
  await drainUntil(app, posted);
  expect(connector.channelPosts()).toHaveLength(1);
  const item = await app.db.prisma.outboxItem.findFirstOrThrow({ where: { kind: "chat.postCard" } });
  expect(item.status).toBe("done");
});

test("a card update throttled with 429 and Retry-After waits and then lands once", async () => {
  const connector = new FakeConnector().listen();
  await newQuestion();
  await drainUntil(app, posted);
  connector
    .fail(/^PUT /, 429, { "Retry-After": "1" })
    .fail(/^PUT /, 429, { "Retry-After": "1" })
    .fail(/^PUT /, 429, { "Retry-After": "1" })
    .fail(/^PUT /, 429, { "Retry-After": "1" });
  await app.postTeams(activities.cardAction("advocate.claim", { topicId: 4821 }));
  await drainUntil(app, async () => connector.updates().length > 0);
  expect(connector.updates()).toHaveLength(1);
  expect(JSON.stringify(connector.updates()[0]?.body)).toContain("is on it");
});

test("a channel Advocate was never added to: the card fails for good, with a reason, and nothing is retried forever", async () => {
  new FakeConnector().listen();
  await app.deps.store.channels.setFallback("teams", "19:unknown@thread.tacv2");
  await newQuestion();
  await app.drain();
  const item = await app.db.prisma.outboxItem.findFirstOrThrow({ where: { kind: "chat.postCard" } });
  expect(item.status).toBe("dead");
  expect(item.lastError).toContain("never added");
});
