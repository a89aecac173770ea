// Scheduled work: claims that run out free the card; polling catches up topics that no webhook announced.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { CHANNEL, buttonClick } from "../support/slackPayloads";
import { routedCard } from "../support/scenario";
import { slotKey } from "../../src/jobs/scheduler";
import { lanes } from "../../src/core/kernel/lanes";

let app: TestApp;
let now = new Date();
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

/** An app on a clock the test moves, with a card claimed by Priya; the Slack stand-in and the card's ts. */
async function claimedCard(): Promise<{ slack: FakeSlack; ts: string }> {
  now = new Date();
  app = await startTestApp({ clock: { now: () => now } });
  const slack = new FakeSlack().listen();
  const ts = await routedCard(app);
  await app.interaction(buttonClick("advocate_claim", ts));
  await app.drain();
  return { slack, ts };
}

test("a claim expires after its time (2 h by default) and the card is free again", async () => {
  const { slack } = await claimedCard();
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toMatch(/is on it|pakt dit op/);

  now = new Date(now.getTime() + 119 * 60_000);
  await app.deps.store.outbox.enqueue({ kind: "claims.expire" }, { lane: lanes.jobs() });
  await app.drain();
  expect((await app.db.prisma.question.findFirstOrThrow()).claimedById).not.toBeNull();

  now = new Date(now.getTime() + 2 * 60_000);
  const updates = slack.of("chat.update").length;
  await app.deps.store.outbox.enqueue({ kind: "claims.expire" }, { lane: lanes.jobs() });
  await app.drain();
  expect((await app.db.prisma.question.findFirstOrThrow()).claimedById).toBeNull();
  expect(slack.of("chat.update").length).toBe(updates + 1);
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("advocate_claim");
});

test("claiming again within a minute changes nothing; later it extends the claim and redraws the card", async () => {
  const { slack, ts } = await claimedCard();
  const claimed = (await app.db.prisma.question.findFirstOrThrow()).claimExpiresAt;
  const updates = slack.of("chat.update").length;

  now = new Date(now.getTime() + 30_000);
  for (let i = 0; i < 3; i++) await app.interaction(buttonClick("advocate_claim", ts));
  await app.drain();
  expect((await app.db.prisma.question.findFirstOrThrow()).claimExpiresAt).toEqual(claimed);
  expect(slack.of("chat.update")).toHaveLength(updates);

  now = new Date(now.getTime() + 60_000);
  await app.interaction(buttonClick("advocate_claim", ts));
  await app.drain();
  expect((await app.db.prisma.question.findFirstOrThrow()).claimExpiresAt!.getTime()).toBe(claimed!.getTime() + 90_000);
  expect(slack.of("chat.update")).toHaveLength(updates + 1);
});

test("two replicas firing the same schedule slot enqueue the job once", async () => {
  app = await startTestApp();
  const at = new Date("2026-11-23T09:00:10Z");
  for (let replica = 0; replica < 2; replica++) {
    await app.deps.store.outbox.enqueue({ kind: "claims.expire" }, { lane: lanes.jobs(), dedupeKey: slotKey("expire-claims", at) });
  }
  expect(await app.db.prisma.outboxItem.count({ where: { kind: "claims.expire" } })).toBe(1);
});

test("polling /latest.json after downtime routes the topics we missed, once", async () => {
  app = await startTestApp();
  const slack = new FakeSlack().listen();
  await app.deps.store.channels.setFallback("slack", CHANNEL);
  const latest = fixture<{ topic_list: { topics: Array<Record<string, unknown>> } }>("discourse/latest.json");
  nock(DISCOURSE_URL).get("/latest.json").query(true).reply(200, latest);
  await app.deps.store.outbox.enqueue({ kind: "community.poll" }, { lane: lanes.community("discourse") });
  await app.drain();
  // The first poll only sets the baseline.
  expect(await app.db.prisma.question.count()).toBe(0);

  const newer = { ...latest.topic_list.topics[0], id: 5001, title: "Where is my invoice?", slug: "where-is-my-invoice" };
  nock(DISCOURSE_URL)
    .get("/latest.json")
    .query(true)
    .times(2)
    .reply(200, { ...latest, topic_list: { ...latest.topic_list, topics: [newer, ...latest.topic_list.topics] } });
  const page = fixture<Record<string, any>>("discourse/topic.json");
  nock(DISCOURSE_URL)
    .get("/t/5001.json")
    .reply(200, { ...page, id: 5001, title: "Where is my invoice?", slug: "where-is-my-invoice" });
  await app.deps.store.outbox.enqueue({ kind: "community.poll" }, { lane: lanes.community("discourse") });
  await app.deps.store.outbox.enqueue({ kind: "community.poll" }, { lane: lanes.community("discourse") });
  await app.drain();
  expect(await app.db.prisma.question.count()).toBe(1);
  const cards = slack.of("chat.postMessage");
  expect(cards).toHaveLength(1);
  expect(slack.blocksText(cards[0]!)).toContain("Where is my invoice?");
});
