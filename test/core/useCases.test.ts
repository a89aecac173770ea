// The core's use cases with no adapter at all: fake community and chat ports, the real store and outbox.
import pino from "pino";
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { OutboxWorker } from "../../src/outbox/worker";
import { handleOutboxMessage } from "../../src/core/outbox/handleMessage";
import { acceptCommunityEvent } from "../../src/core/questions/acceptCommunityEvent";
import { claimQuestion } from "../../src/core/claims/claims";
import { submitAnswer } from "../../src/core/answers/submitAnswer";
import { leaderboard } from "../../src/core/points/leaderboard";
import type { ChatSurface, CommunityPort } from "../../src/core/ports";
import type { CoreDeps } from "../../src/core/deps";
import type { CommunityEvent } from "../../src/core/kernel/events";
import { RetryableError } from "../../src/core/kernel/errors";
import { coreSettings, memoryDatabase } from "../support/coreDeps";
import { lanes } from "../../src/core/kernel/lanes";
import { EnqueuedSignal } from "../../src/outbox/enqueuedSignal";

let db: Database;
let deps: CoreDeps;
let worker: OutboxWorker;
const chatLog: string[] = [];
const replies: Array<{ topicId: number; asUsername: string }> = [];

const community: CommunityPort = {
  name: "discourse",
  baseUrl: "https://community.example",
  createReply: async (input) => (replies.push(input), { postId: 500 + replies.length, url: `https://community.example/t/x/${input.topicId}/2` }),
  findReplyByMarker: async () => null,
  editPost: async () => undefined,
  deletePost: async () => true,
  findUserByEmail: async () => null,
  getTopic: async () => null,
  categorySlug: async () => null,
  getPost: async () => null,
  listLatest: async () => ({ events: [], cursor: null }),
  setTopicTags: async () => undefined,
  getThread: async () => [],
  searchSolved: async () => [],
};
/** Channels whose next card post lands but whose answer is lost (a crash, a dropped connection). */
const loseNextPostIn = new Set<string>();
const landed = new Map<string, string>();

function fakeChat(name: string): ChatSurface {
  return {
    postCard: async (channelId, view) => {
      chatLog.push(`post ${channelId} ${view.state.type}`);
      landed.set(view.cardId, `${name}-ref`);
      if (loseNextPostIn.delete(channelId)) throw new RetryableError("connection reset after the post landed");
      return { messageRef: `${name}-ref` };
    },
    findPostedCard: async (_channelId, cardId) => (landed.has(cardId) ? { messageRef: landed.get(cardId) as string } : null),
    updateCard: async (channelId, _ref, view) => void chatLog.push(`update ${channelId} ${view.state.type}`),
    postThreadReply: async (channelId) => void chatLog.push(`thread ${channelId}`),
    findThreadReply: async () => false,
    updateThreadReply: async (channelId, _ref, _key, echo) => void chatLog.push(`echo ${channelId} ${echo.state}`),
    notify: async (userId, notice) => void chatLog.push(`notify ${userId} ${notice.type}`),
    notifyInThread: async (channelId, threadRef, userId, notice) => void chatLog.push(`ephemeral ${channelId} ${threadRef} ${userId} ${notice.type}`),
    postNotice: async (channelId, threadRef, notice) => void chatLog.push(`notice ${channelId} ${threadRef ?? "-"} ${notice.type}`),
    publishHome: async (userId) => void chatLog.push(`home ${userId}`),
    postStory: async (channelId, view) => (chatLog.push(`story ${channelId} ${view.reason}`), { messageRef: `${name}-story` }),
    getUserProfile: async () => ({ email: null, displayName: null, locale: null }),
    sendFile: async (userId, file) => void chatLog.push(`file ${userId} ${file.filename}`),
  };
}

beforeAll(async () => {
  db = await memoryDatabase();
  deps = {
    store: prismaStore(db.prisma),
    community,
    chat: { slack: fakeChat("slack"), teams: fakeChat("teams") },
    clock: { now: () => new Date() },
    settings: coreSettings(),
  };
  worker = new OutboxWorker({
    prisma: db.prisma,
    liveness: { kind: "sole" },
    handle: (message) => handleOutboxMessage(deps, message),
    enqueued: new EnqueuedSignal(),
    logger: pino({ level: "silent" }),
    paceMs: () => 0,
    unordered: lanes.isUnordered,
    pollMs: 1000,
    leaseMs: 10000,
    lanesAtOnce: 8,
    maxAttempts: 3,
    backoffBaseMs: 1,
    backoffCapMs: 10,
  });
});
afterAll(async () => {
  await db.close();
});

const opened: CommunityEvent = {
  type: "topic.opened",
  topic: {
    topicId: 7,
    title: "Invoice wrong after switching plans",
    url: "https://community.example/t/x/7",
    categoryId: 1,
    categorySlug: "support",
    tags: ["billing"],
    authorUsername: "cust",
    authorName: "Customer",
    postedAt: new Date(),
    closed: false,
  },
};
const firstPost: CommunityEvent = {
  type: "post.created",
  post: {
    postId: 70,
    topicId: 7,
    postNumber: 1,
    topicTitle: "Invoice wrong after switching plans",
    topicUrl: "https://community.example/t/x/7",
    categorySlug: "support",
    categoryId: 1,
    text: "My invoice is wrong, how do I get a refund?",
    authorUsername: "cust",
    authorName: "Customer",
    postedAt: new Date(),
    url: "https://community.example/t/x/7/1",
  },
};

test("ingest → route by rule → claim → answer → published once, points, leaderboard", async () => {
  await deps.store.rules.add({
    priority: 1,
    target: { surface: "slack", channelId: "CBILL" },
    categories: [],
    tags: ["billing"],
    keywords: [],
    languages: [],
    createdBy: "admin",
  });
  for (const [i, event] of [opened, firstPost, firstPost].entries()) {
    await acceptCommunityEvent(deps.store, {
      community: "discourse",
      deliveryId: String(i),
      businessKey: `${event.type}:7`,
      name: event.type,
      payload: {},
      event,
    });
  }
  await worker.drain();
  expect(chatLog).toEqual(["post CBILL open"]);

  const actor = { surface: "slack", userId: "UALICE", displayName: "Alice" };
  const alice = await deps.store.employees.ensure("slack", "UALICE", "Alice");
  await deps.store.employees.update(alice.id, { communityUsername: "alice" });
  expect(await claimQuestion(deps, { surface: "slack", employee: alice }, { channelId: "CBILL", topicId: 7 })).toMatchObject({ ok: true });
  const bob = await deps.store.employees.ensure("slack", "UBOB", null);
  expect(await claimQuestion(deps, { surface: "slack", employee: bob }, { channelId: "CBILL", topicId: 7 })).toMatchObject({
    ok: false,
    reason: "held",
    by: "Alice",
  });

  const input = { channelId: "CBILL", topicId: 7, body: "You get the difference back within 5 days.", consent: true, submissionKey: "view-1" };
  expect(await submitAnswer(deps, actor, input)).toMatchObject({ ok: true, duplicate: false });
  expect(await submitAnswer(deps, actor, input)).toMatchObject({ ok: true, duplicate: true });
  expect(await submitAnswer(deps, { surface: "slack", userId: "UBOB" }, { ...input, submissionKey: "view-2" })).toEqual({ ok: false, problem: "not_linked" });
  await worker.drain();

  expect(replies).toEqual([{ topicId: 7, asUsername: "alice", raw: expect.stringContaining("You get the difference back") }]);
  expect(chatLog).toEqual(
    expect.arrayContaining(["update CBILL claimed", "update CBILL answered", "thread CBILL", "notify UALICE answer_published", "home UALICE"]),
  );
  const board = await leaderboard(deps, "week", alice.id);
  expect(board.top).toMatchObject([{ externalId: "UALICE", points: 10, rank: 1 }]);
});

test("one rule posts to a Slack and a Teams channel; a card post whose answer was lost is found, not posted twice", async () => {
  chatLog.length = 0;
  const spec = { priority: 1, categories: [], tags: ["shipping"], keywords: [], languages: [], createdBy: "admin" };
  expect(await deps.store.rules.add({ ...spec, target: { surface: "slack", channelId: "CSHIP" } })).toMatchObject({ merged: false });
  const { rule, merged } = await deps.store.rules.add({ ...spec, target: { surface: "teams", channelId: "19:ship@thread.tacv2" } });
  expect(merged).toBe(true);
  expect(rule.targets).toEqual(
    expect.arrayContaining([
      { surface: "slack", channelId: "CSHIP" },
      { surface: "teams", channelId: "19:ship@thread.tacv2" },
    ]),
  );

  loseNextPostIn.add("CSHIP");
  const topic = { ...opened.topic, topicId: 9, title: "Parcel never arrived", tags: ["shipping"] };
  const post = firstPost.type === "post.created" ? { ...firstPost.post, postId: 90, topicId: 9, topicTitle: topic.title, text: "Where is my parcel?" } : null;
  await acceptCommunityEvent(deps.store, {
    community: "discourse",
    deliveryId: "s1",
    businessKey: "topic.opened:9",
    name: "topic.opened",
    payload: {},
    event: { type: "topic.opened", topic },
  });
  await acceptCommunityEvent(deps.store, {
    community: "discourse",
    deliveryId: "s2",
    businessKey: "post.created:90",
    name: "post.created",
    payload: {},
    event: { type: "post.created", post: post! },
  });
  await worker.drain();
  await new Promise((resolve) => setTimeout(resolve, 30)); // the lost post's retry back-off (1 ms base, 10 ms cap)
  await worker.drain();

  expect(chatLog.filter((line) => line.startsWith("post "))).toEqual(expect.arrayContaining(["post CSHIP open", "post 19:ship@thread.tacv2 open"]));
  expect(chatLog.filter((line) => line === "post CSHIP open")).toHaveLength(1);
  const cards = await db.prisma.card.findMany({ where: { question: { topicId: 9 } }, orderBy: { surface: "asc" } });
  expect(cards.map((card) => [card.surface, card.messageRef])).toEqual([
    ["slack", "slack-ref"],
    ["teams", "teams-ref"],
  ]);
});

test("a flood of new topics is taken in side by side, each topic's webhooks in the order they came", async () => {
  const topics = [21, 22, 23, 24, 25, 26, 27, 28];
  for (const topicId of topics) {
    const topic = { ...opened.topic, topicId, title: `Question ${topicId}` };
    const post = firstPost.type === "post.created" ? { ...firstPost.post, postId: topicId * 10, topicId, topicTitle: topic.title } : null;
    for (const event of [{ type: "topic.opened", topic } as const, { type: "post.created", post: post! } as const]) {
      await acceptCommunityEvent(deps.store, {
        community: "discourse",
        deliveryId: `${event.type}:${topicId}`,
        businessKey: `${event.type}:${topicId}`,
        name: event.type,
        payload: {},
        event,
      });
    }
  }
  const items = await db.prisma.outboxItem.findMany({ where: { kind: "community.event", status: "pending" }, orderBy: { id: "asc" } });
  const laneOf = new Map<number, Set<string>>();
  for (const item of items) {
    const event = (item.payload as { event: CommunityEvent }).event;
    const topicId = event.type === "topic.opened" ? event.topic.topicId : event.type === "post.created" ? event.post.topicId : -1;
    laneOf.set(topicId, (laneOf.get(topicId) ?? new Set()).add(item.lane));
  }
  // A topic's two webhooks share a lane (applied one after the other); the eight topics spread over four.
  expect([...laneOf.keys()].sort()).toEqual(topics);
  expect([...laneOf.values()].every((lanesOfTopic) => lanesOfTopic.size === 1)).toBe(true);
  expect(new Set(items.map((item) => item.lane)).size).toBe(4);

  // One round of the worker takes in four webhooks at once, not one.
  expect(await worker.tick()).toBe(4);
  await worker.drain();
  const questions = await db.prisma.question.findMany({ where: { topicId: { in: topics } } });
  expect(questions.map((question) => [question.topicId, question.bodyText !== null, question.title])).toEqual(
    expect.arrayContaining(topics.map((topicId) => [topicId, true, `Question ${topicId}`])),
  );
  expect(questions).toHaveLength(8);
});
