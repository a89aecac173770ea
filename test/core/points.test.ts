// Points rules and fairness in the core: fake community and chat ports, the real store, ledger and outbox.
import pino from "pino";
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { OutboxWorker } from "../../src/outbox/worker";
import { handleOutboxMessage } from "../../src/core/outbox/handleMessage";
import { acceptCommunityEvent } from "../../src/core/questions/acceptCommunityEvent";
import { publishAnswer } from "../../src/core/answers/publishAnswer";
import { DEFAULT_POINT_RULES, pointRules } from "../../src/core/points/pointRules";
import type { ChatSurface, CommunityPort } from "../../src/core/ports";
import type { CoreDeps } from "../../src/core/deps";
import type { CommunityEvent } from "../../src/core/kernel/events";
import { coreSettings, memoryDatabase } from "../support/coreDeps";
import { lanes } from "../../src/core/kernel/lanes";
import { EnqueuedSignal } from "../../src/outbox/enqueuedSignal";

let db: Database;
let deps: CoreDeps;
let worker: OutboxWorker;
let now = new Date("2026-11-20T10:00:00Z");
let nextPostId = 1000;
const notices: string[] = [];
/** Posts (and, here, their topics: one answer per topic, same id) that the community shows as accepted, or no more. */
const solutions = new Set<number>();
const removed = new Set<number>();

const community: CommunityPort = {
  name: "discourse",
  baseUrl: "https://community.example",
  createReply: async (input) => {
    const postId = nextPostId++;
    return { postId, url: `https://community.example/t/x/${input.topicId}/${postId}` };
  },
  findReplyByMarker: async () => null,
  editPost: async () => undefined,
  deletePost: async () => true,
  findUserByEmail: async () => null,
  // The community's truth, as the events delivered below made it: each topic here holds one answer, post number 2.
  categorySlug: async () => null,
  getTopic: async (topicId) => ({
    topicId,
    title: "",
    url: "",
    categoryId: null,
    categorySlug: null,
    tags: [],
    authorUsername: null,
    authorName: null,
    postedAt: now,
    closed: false,
    firstPostText: null,
    deleted: false,
    archived: false,
    acceptedPostNumber: solutions.has(topicId) ? 2 : null,
  }),
  getPost: async (postId) => (removed.has(postId) ? null : { postId, topicId: postId, postNumber: 2, deleted: false, raw: "" }),
  listLatest: async () => ({ events: [], cursor: null }),
  setTopicTags: async () => undefined,
  getThread: async () => [],
  searchSolved: async () => [],
};

const chat: ChatSurface = {
  postCard: async () => ({ messageRef: "ref" }),
  findPostedCard: async () => null,
  updateCard: async () => undefined,
  postThreadReply: async () => undefined,
  findThreadReply: async () => false,
  updateThreadReply: async () => undefined,
  notify: async (userId, notice) => void notices.push(`${userId} ${notice.type} ${"points" in notice ? notice.points : ""}`),
  notifyInThread: async () => undefined,
  postNotice: async () => undefined,
  publishHome: async () => undefined,
  postStory: async () => ({ messageRef: "story-ref" }),
  getUserProfile: async () => ({ email: null, displayName: null, locale: null }),
  sendFile: async () => undefined,
};

beforeAll(async () => {
  db = await memoryDatabase();
  deps = {
    store: prismaStore(db.prisma),
    community,
    chat: { slack: chat },
    clock: { now: () => now },
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
beforeEach(async () => {
  now = new Date("2026-11-20T10:00:00Z");
  notices.length = 0;
  await db.prisma.pointRule.deleteMany();
});

let people = 0;
/** A linked employee whose answer went out through Advocate (the real publish step): 10 points in the ledger. */
async function publishedAnswer() {
  const n = ++people;
  const employee = await deps.store.employees.ensure("slack", `U${n}`, `Employee ${n}`);
  await deps.store.employees.update(employee.id, { communityUsername: `employee${n}` });
  const question = await deps.store.questions.upsert("discourse", n, {
    title: `Question ${n}`,
    url: `https://community.example/t/x/${n}`,
    postedAt: now,
    status: "open",
  });
  const queued = await deps.store.answers.create({
    questionId: question.id,
    employeeId: employee.id,
    cardId: null,
    submissionKey: `key-${n}`,
    body: "Here is how.",
    postedAs: `employee${n}`,
  });
  expect(await publishAnswer(deps, queued.id)).toBe("published");
  const answer = await deps.store.answers.byId(queued.id);
  return { employee, userId: `U${n}`, postId: answer!.communityPostId! };
}

let deliveries = 0;
/**
 * Each call is a new delivery (as Discourse's retries are), so that the core's own idempotency is what is tested.
 * The community changed first, as it does before it sends a webhook; `replay` delivers without that change.
 */
async function deliver(...events: CommunityEvent[]) {
  for (const event of events) {
    if (event.type === "solution.accepted") solutions.add(event.postId);
    if (event.type === "solution.unaccepted") solutions.delete(event.postId);
    if (event.type === "post.deleted") removed.add(event.postId);
    await replay(event);
  }
}
async function replay(...events: CommunityEvent[]) {
  for (const event of events) {
    const id = String(++deliveries);
    await acceptCommunityEvent(deps.store, { community: "discourse", deliveryId: id, businessKey: `test:${id}`, name: event.type, payload: {}, event });
    await worker.drain();
  }
}

const accepted = (postId: number): CommunityEvent => ({ type: "solution.accepted", postId });
const unaccepted = (postId: number): CommunityEvent => ({ type: "solution.unaccepted", postId });
const liked = (postId: number, likedBy: string): CommunityEvent => ({ type: "post.liked", postId, likedBy });
const deleted = (postId: number): CommunityEvent => ({ type: "post.deleted", postId });

async function ledger(employeeId: string) {
  const rows = await db.prisma.pointAward.findMany({ where: { employeeId }, orderBy: { id: "asc" } });
  return rows.map((row) => ({ points: row.points, reason: row.reason }));
}
async function balance(employeeId: string) {
  return (await ledger(employeeId)).reduce((sum, row) => sum + row.points, 0);
}

describe("rules", () => {
  test("an empty table gives the defaults; a changed rule overrides only itself", async () => {
    expect(await pointRules(deps.store)).toEqual({
      answer_published: 10,
      follow_up_answer: 10,
      solution_accepted: 25,
      like_received: 2,
      likes_per_answer: 10,
      story_shared: 5,
      stories_per_day: 1,
      idea_status: 5,
      daily_cap: 100,
    });
    await deps.store.pointRules.set("like_received", 3, "UADMIN");
    expect(await pointRules(deps.store)).toEqual({ ...DEFAULT_POINT_RULES, like_received: 3 });
  });

  test("awards follow the rules in the database", async () => {
    await deps.store.pointRules.set("answer_published", 7, "UADMIN");
    await deps.store.pointRules.set("solution_accepted", 40, "UADMIN");
    const { employee, postId } = await publishedAnswer();
    await deliver(accepted(postId));
    expect(await ledger(employee.id)).toEqual([
      { points: 7, reason: "answer_published" },
      { points: 40, reason: "solution_accepted" },
    ]);
  });
});

describe("accepted solution", () => {
  test("the same accept 5 times pays once, and its author hears of it once", async () => {
    const { employee, userId, postId } = await publishedAnswer();
    await deliver(...Array.from({ length: 5 }, () => accepted(postId)));
    expect(await ledger(employee.id)).toEqual([
      { points: 10, reason: "answer_published" },
      { points: 25, reason: "solution_accepted" },
    ]);
    expect(notices.filter((notice) => notice.startsWith(`${userId} solution_accepted`))).toEqual([`${userId} solution_accepted 25`]);
  });

  test("an unaccept is a negative row; a repeated unaccept takes nothing more; a re-accept pays again", async () => {
    const { employee, postId } = await publishedAnswer();
    await deliver(accepted(postId), unaccepted(postId), unaccepted(postId));
    expect(await ledger(employee.id)).toEqual([
      { points: 10, reason: "answer_published" },
      { points: 25, reason: "solution_accepted" },
      { points: -25, reason: "solution_unaccepted" },
    ]);
    expect(await balance(employee.id)).toBe(10);

    await deliver(accepted(postId), accepted(postId));
    expect(await ledger(employee.id)).toEqual([
      { points: 10, reason: "answer_published" },
      { points: 25, reason: "solution_accepted" },
      { points: -25, reason: "solution_unaccepted" },
      { points: 25, reason: "solution_accepted" },
    ]);
    expect(await balance(employee.id)).toBe(35);
    const leaderboardTotal = await deps.store.ledger.total(employee.id, { from: null, to: now });
    expect(leaderboardTotal).toBe(35);
  });

  test("an unaccept of an answer never accepted takes nothing", async () => {
    const { employee, postId } = await publishedAnswer();
    await deliver(unaccepted(postId));
    expect(await ledger(employee.id)).toEqual([{ points: 10, reason: "answer_published" }]);
  });

  test("an unaccept or accept that the community does not show changes nothing: a replayed webhook is a hint, not a fact", async () => {
    const { employee, postId } = await publishedAnswer();
    await deliver(accepted(postId));
    await replay(unaccepted(postId), unaccepted(postId));
    expect(await balance(employee.id)).toBe(35);
    const outcomes = await db.prisma.inboundEvent.findMany({ orderBy: { id: "desc" }, take: 1 });
    expect(outcomes[0]?.outcome).toBe("ignored: already the solution (the community says solution.accepted)");

    await deliver(unaccepted(postId));
    await replay(accepted(postId));
    expect(await balance(employee.id)).toBe(10);
  });

  test("a post that is not an answer published through Advocate earns nothing", async () => {
    const before = await db.prisma.pointAward.count();
    await deliver(accepted(424242), liked(424242, "customer"));
    expect(await db.prisma.pointAward.count()).toBe(before);
    const outcomes = await db.prisma.inboundEvent.findMany({ orderBy: { id: "desc" }, take: 2 });
    expect(outcomes.map((row) => row.outcome)).toEqual(["ignored: not one of our answers", "ignored: not one of our answers"]);
  });
});

describe("likes", () => {
  test("customers' likes count up to the limit per answer; the 11th does not", async () => {
    const { employee, postId } = await publishedAnswer();
    await deliver(...Array.from({ length: 11 }, (_, i) => liked(postId, `customer${i}`)));
    const likes = (await ledger(employee.id)).filter((row) => row.reason === "like_received");
    expect(likes).toHaveLength(10);
    expect(await balance(employee.id)).toBe(10 + 10 * 2);
  });

  test("a like from a colleague or from the author does not count; the same like twice counts once", async () => {
    const { employee, postId } = await publishedAnswer();
    const colleague = await publishedAnswer();
    const colleagueName = (await deps.store.employees.byId(colleague.employee.id))!.communityUsername!;
    const author = (await deps.store.employees.byId(employee.id))!.communityUsername!;
    await deliver(liked(postId, colleagueName), liked(postId, author), liked(postId, "customer"), liked(postId, "customer"));
    expect(await ledger(employee.id)).toEqual([
      { points: 10, reason: "answer_published" },
      { points: 2, reason: "like_received" },
    ]);
  });
});

describe("a deleted answer", () => {
  test("gives back all it earned as one negative row, once; afterwards it earns nothing", async () => {
    const { employee, postId } = await publishedAnswer();
    await deliver(accepted(postId), liked(postId, "customer1"), liked(postId, "customer2"));
    expect(await balance(employee.id)).toBe(10 + 25 + 4);

    await deliver(...Array.from({ length: 5 }, () => deleted(postId)));
    await deliver(liked(postId, "customer3"), accepted(postId));
    const rows = await ledger(employee.id);
    expect(rows.at(-1)).toEqual({ points: -39, reason: "answer_deleted" });
    expect(rows.filter((row) => row.points < 0)).toHaveLength(1);
    expect(await balance(employee.id)).toBe(0);
  });
});

test("a deletion that the community does not show takes nothing back", async () => {
  const { employee, postId } = await publishedAnswer();
  await replay(deleted(postId));
  expect(await balance(employee.id)).toBe(10);
  const outcomes = await db.prisma.inboundEvent.findMany({ orderBy: { id: "desc" }, take: 1 });
  expect(outcomes[0]?.outcome).toBe("ignored: the community still shows the post");
  await deliver(deleted(postId));
  expect(await balance(employee.id)).toBe(0);
});

describe("daily cap", () => {
  test("an award beyond the cap is a capped row; a revocation is never capped and makes no room; tomorrow pays again", async () => {
    await deps.store.pointRules.set("daily_cap", 30, "UADMIN");
    const { employee, postId } = await publishedAnswer();
    await deliver(accepted(postId), liked(postId, "customer1"));
    expect(await ledger(employee.id)).toEqual([
      { points: 10, reason: "answer_published" },
      { points: 20, reason: "solution_accepted (daily cap 30: 20 of 25)" },
      { points: 0, reason: "like_received (daily cap 30: 0 of 2)" },
    ]);

    await deliver(unaccepted(postId), liked(postId, "customer2"));
    expect((await ledger(employee.id)).slice(3)).toEqual([
      { points: -20, reason: "solution_unaccepted" },
      { points: 0, reason: "like_received (daily cap 30: 0 of 2)" },
    ]);

    // Saturday 00:30 in Amsterdam, still Friday in UTC: a new day in the company's timezone.
    now = new Date("2026-11-20T23:30:00Z");
    await deliver(liked(postId, "customer3"));
    expect((await ledger(employee.id)).at(-1)).toEqual({ points: 2, reason: "like_received" });
    expect(await balance(employee.id)).toBe(12);
  });

  test("the cap holds per employee", async () => {
    await deps.store.pointRules.set("daily_cap", 10, "UADMIN");
    const first = await publishedAnswer();
    const second = await publishedAnswer();
    expect(await balance(first.employee.id)).toBe(10);
    expect(await balance(second.employee.id)).toBe(10);
  });
});
