// The Discourse webhook at its HTTP boundary: real signed requests into the real server, state checked in the DB.
import nock from "nock";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../../support/testApp";
import { fixture } from "../../support/fixtures";
import { discourseSignature } from "../../support/signing";

interface PostBody {
  post: Record<string, unknown>;
}
interface TopicBody {
  topic: Record<string, unknown>;
}

const SLACK_HOST = "https://slack.test";
const WEBHOOK_TABLES = [
  "InboundEvent",
  "OutboxItem",
  "OutboxLane",
  "Card",
  "Answer",
  "PointAward",
  "Question",
  "Employee",
  "RoutingRule",
  "ChannelSetting",
  "Cursor",
];

let app: TestApp;
let unmatched: string[] = [];
/** Outbound requests no interceptor took (our own server on loopback is allowed through and not counted). */
const recordUnmatched = (req: { method?: string; path?: string; host?: string; hostname?: string }) => {
  const host = req.hostname ?? req.host ?? "?";
  if (/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return;
  unmatched.push(`${req.method ?? "?"} ${host}${req.path ?? ""}`);
};

beforeAll(async () => {
  app = await startTestApp();
  nock.emitter.on("no match", recordUnmatched);
});

afterAll(async () => {
  nock.emitter.removeListener("no match", recordUnmatched);
  await app?.stop();
});

beforeEach(async () => {
  unmatched = [];
  nock.cleanAll();
  await app.db.prisma.$executeRawUnsafe(`TRUNCATE ${WEBHOOK_TABLES.map((table) => `"${table}"`).join(", ")} RESTART IDENTITY CASCADE`);
});

afterEach(() => {
  nock.cleanAll();
});

const topicCreated = () => fixture<TopicBody>("discourse/topic_created.json");
const firstPost = () => fixture<PostBody>("discourse/post_created_first_post.json");
const reply = () => fixture<PostBody>("discourse/post_created.json");

/** Runs the outbox, including a delayed route step (the harness's drain waits for those). */
async function settle() {
  await app.drain();
}

async function rowCounts() {
  const [inbound, outbox] = await Promise.all([app.db.prisma.inboundEvent.count(), app.db.prisma.outboxItem.count()]);
  return { inbound, outbox };
}

/** A request built by hand, for the cases where the helper would add the header under test. */
function postRaw(raw: string, headers: Record<string, string>) {
  return fetch(`${app.url}/webhooks/discourse`, { method: "POST", body: raw, headers: { "content-type": "application/json", ...headers } });
}

async function outboxEvents() {
  const items = await app.db.prisma.outboxItem.findMany({ where: { kind: "community.event" }, orderBy: { id: "asc" } });
  return items.map((item) => item.payload as { event: { type: string; topic?: { tags: string[] }; post?: { postId: number } } });
}

describe("signature", () => {
  test("a wrong signature is rejected with 401 and nothing is stored", async () => {
    const body = firstPost();
    const res = await app.postDiscourse("post_created", body, { signature: discourseSignature(JSON.stringify(body), "not-the-webhook-secret") });
    expect(res.status).toBe(401);
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });

  test("a signature over other bytes than the ones sent is rejected", async () => {
    const body = firstPost();
    const signedCompact = discourseSignature(JSON.stringify(body));
    // Same JSON, pretty-printed: the server must check the raw bytes, not the parsed object.
    const res = await app.postDiscourse("post_created", body, { raw: JSON.stringify(body, null, 2), signature: signedCompact });
    expect(res.status).toBe(401);
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });

  test("a missing signature header is rejected with 401", async () => {
    const raw = JSON.stringify(firstPost());
    const res = await postRaw(raw, { "x-discourse-event": "post_created", "x-discourse-event-type": "post", "x-discourse-event-id": "91001" });
    expect(res.status).toBe(401);
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });

  test("a correctly signed request is accepted (control for the 401 cases)", async () => {
    const res = await app.postDiscourse("post_created", firstPost());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "accepted" });
    expect(await rowCounts()).toEqual({ inbound: 1, outbox: 1 });
  });
});

describe("bad requests", () => {
  test("signed but malformed JSON → 400 with a reason, nothing stored", async () => {
    const raw = '{"post": {"id": 19077, ';
    const res = await app.postDiscourse("post_created", null, { raw });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/json/i);
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });

  test("missing X-Discourse-Event-Id → 400, nothing stored", async () => {
    const raw = JSON.stringify(firstPost());
    const res = await postRaw(raw, {
      "x-discourse-event": "post_created",
      "x-discourse-event-type": "post",
      "x-discourse-event-signature": discourseSignature(raw),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/X-Discourse-Event-Id/);
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });

  test("a post_created body missing required fields → 400 naming them, nothing stored", async () => {
    const body = firstPost();
    delete body.post.topic_id;
    delete body.post.cooked;
    const res = await app.postDiscourse("post_created", body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: string; reason: string };
    expect(answer.error).toContain("post_created");
    expect(answer.reason).toContain("post.topic_id");
    expect(answer.reason).toContain("post.cooked");
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });

  test("a post_created body under the wrong root key → 400", async () => {
    const res = await app.postDiscourse("post_created", { topic: firstPost().post });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { reason: string }).reason).toContain("post");
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });
});

describe("events we do not act on", () => {
  test("ping → 200 ignored, nothing stored", async () => {
    const res = await app.postDiscourse("ping", fixture("discourse/ping.json"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ignored", event: "ping" });
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });

  test("an event we have no use for (user_created) → 200 ignored, nothing stored", async () => {
    const res = await app.postDiscourse("user_created", { user: { id: 412, username: "new_customer" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ignored", event: "user_created" });
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });

  const ignoredPosts: Array<[string, (post: Record<string, unknown>) => void]> = [
    ["a private message", (post) => (post.topic_archetype = "private_message")],
    ["a whisper (post_type 4)", (post) => (post.post_type = 4)],
    ["a small action (post_type 3)", (post) => (post.post_type = 3)],
    ["a staff post", (post) => (post.staff = true)],
    ["an admin post", (post) => (post.admin = true)],
    ["a moderator post", (post) => (post.moderator = true)],
    ["a system user's post (user_id -1)", (post) => (post.user_id = -1)],
    ["a post by user_id 0", (post) => (post.user_id = 0)],
  ];
  test.each(ignoredPosts)("post_created for %s → 200 ignored, nothing stored", async (_name, change) => {
    const body = firstPost();
    change(body.post);
    const res = await app.postDiscourse("post_created", body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ignored" });
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });

  test("topic_created for a private message or by the system user → 200 ignored", async () => {
    const pm = topicCreated();
    pm.topic.archetype = "private_message";
    const system = topicCreated();
    system.topic.user_id = -1;
    for (const body of [pm, system]) {
      const res = await app.postDiscourse("topic_created", body);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "ignored" });
    }
    expect(await rowCounts()).toEqual({ inbound: 0, outbox: 0 });
  });
});

describe("dedupe", () => {
  test("the same delivery 5 times (Redeliver: same event id) → one InboundEvent, one outbox item", async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.postDiscourse("post_created", firstPost(), { eventId: "90212" });
      expect(res.status).toBe(200);
      statuses.push(((await res.json()) as { status: string }).status);
    }
    expect(statuses).toEqual(["accepted", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect(await rowCounts()).toEqual({ inbound: 1, outbox: 1 });
    const [row] = await app.db.prisma.inboundEvent.findMany();
    expect(row).toMatchObject({ source: "discourse", deliveryId: "90212", name: "post_created", businessKey: "post_created:19077" });
  });

  test("the same post under 5 different event ids (automatic retry) → still one InboundEvent", async () => {
    const statuses: string[] = [];
    for (const eventId of ["90212", "90213", "90214", "90215", "90216"]) {
      const res = await app.postDiscourse("post_created", firstPost(), { eventId });
      expect(res.status).toBe(200);
      statuses.push(((await res.json()) as { status: string }).status);
    }
    expect(statuses).toEqual(["accepted", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect(await rowCounts()).toEqual({ inbound: 1, outbox: 1 });
  });

  test("concurrent copies of one delivery store it once", async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => app.postDiscourse("post_created", firstPost(), { eventId: "90300" })));
    expect(responses.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    const statuses = await Promise.all(responses.map(async (res) => ((await res.json()) as { status: string }).status));
    expect(statuses.filter((status) => status === "accepted")).toHaveLength(1);
    expect(await rowCounts()).toEqual({ inbound: 1, outbox: 1 });
  });

  test("different posts are not duplicates of each other", async () => {
    await app.postDiscourse("post_created", firstPost());
    await app.postDiscourse("post_created", reply());
    await app.postDiscourse("topic_created", topicCreated());
    expect(await rowCounts()).toEqual({ inbound: 3, outbox: 3 });
  });
});

describe("tags", () => {
  test.each([
    [
      "tag objects (Discourse ≥ 2026)",
      [
        { id: 14, name: "facturatie", slug: "facturatie" },
        { id: 22, name: "abonnement", slug: "abonnement" },
      ],
    ],
    ["plain tag names (older Discourse)", ["facturatie", "abonnement"]],
  ])("topic_created with %s is accepted and its tags are names", async (_name, tags) => {
    const body = topicCreated();
    body.topic.tags = tags;
    const res = await app.postDiscourse("topic_created", body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "accepted" });
    const [queued] = await outboxEvents();
    expect(queued?.event.type).toBe("topic.opened");
    expect(queued?.event.topic?.tags).toEqual(["facturatie", "abonnement"]);
  });

  test("topic_created without tags is accepted with no tags", async () => {
    const body = topicCreated();
    delete body.topic.tags;
    const res = await app.postDiscourse("topic_created", body);
    expect(res.status).toBe(200);
    const [queued] = await outboxEvents();
    expect(queued?.event.topic?.tags).toEqual([]);
  });
});

describe("after the outbox runs", () => {
  /** Slack's chat.postMessage, once; the form-encoded request bodies it got are collected. */
  function slackPostsOnce() {
    const bodies: Array<Record<string, string>> = [];
    const scope = nock(SLACK_HOST)
      .post("/api/chat.postMessage", (body: Record<string, string>) => {
        bodies.push(body);
        return true;
      })
      .reply(200, fixture("slack/chat_postMessage_ok.json"));
    return { scope, bodies };
  }

  test("topic_created + first post → one question, one card in the fallback channel", async () => {
    await app.deps.store.channels.setFallback("slack", "C0FALLBACK");
    const slack = slackPostsOnce();

    expect((await app.postDiscourse("topic_created", topicCreated())).status).toBe(200);
    expect((await app.postDiscourse("post_created", firstPost())).status).toBe(200);
    await settle();

    const questions = await app.db.prisma.question.findMany();
    expect(questions).toHaveLength(1);
    const [question] = questions;
    expect(question).toMatchObject({
      community: "discourse",
      topicId: 4821,
      title: "Factuur dubbel afgeschreven na overstap naar jaarabonnement",
      tags: ["facturatie", "abonnement"],
      categorySlug: "support",
      categoryId: 5,
      authorUsername: "marieke_vdberg",
      url: `${DISCOURSE_URL}/t/factuur-dubbel-afgeschreven-na-overstap-naar-jaarabonnement/4821`,
      status: "open",
      language: "nl",
    });
    expect(question?.bodyText).toContain("Vorige week ben ik overgestapt van een maandabonnement naar een jaarabonnement.");
    expect(question?.bodyText).toContain("Alvast bedankt!");
    expect(question?.bodyText).not.toMatch(/<\/?p>|<[a-z]/i);

    // Exactly one card: the one interceptor was used, and nothing else reached for Slack (or Discourse).
    expect(slack.scope.isDone()).toBe(true);
    expect(slack.bodies).toHaveLength(1);
    expect(unmatched).toEqual([]);
    expect(slack.bodies[0]?.channel).toBe("C0FALLBACK");
    expect(slack.bodies[0]?.blocks).toContain("Factuur dubbel afgeschreven");

    const cards = await app.db.prisma.card.findMany();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ channelId: "C0FALLBACK", surface: "slack", routedBy: "fallback", messageRef: "1763633650.001900" });
    const inbound = await app.db.prisma.inboundEvent.findMany({ orderBy: { id: "asc" } });
    expect(inbound.map((row) => row.processedAt !== null)).toEqual([true, true]);
    expect(await app.db.prisma.outboxItem.count({ where: { status: { not: "done" } } })).toBe(0);
  });

  test("both webhooks redelivered after routing → still one card", async () => {
    await app.deps.store.channels.setFallback("slack", "C0FALLBACK");
    const slack = slackPostsOnce();
    await app.postDiscourse("topic_created", topicCreated(), { eventId: "90211" });
    await app.postDiscourse("post_created", firstPost(), { eventId: "90212" });
    await settle();
    await app.postDiscourse("topic_created", topicCreated(), { eventId: "90411" });
    await app.postDiscourse("post_created", firstPost(), { eventId: "90412" });
    await settle();
    expect(slack.scope.isDone()).toBe(true);
    expect(slack.bodies).toHaveLength(1);
    expect(unmatched).toEqual([]);
    expect(await app.db.prisma.card.count()).toBe(1);
  });

  test("only the first post arrives → the topic is fetched from Discourse and the card carries its tags", async () => {
    await app.deps.store.channels.setFallback("slack", "C0FALLBACK");
    const discourse = nock(DISCOURSE_URL).get("/t/4821.json").reply(200, fixture("discourse/topic.json"));
    const slack = slackPostsOnce();

    expect((await app.postDiscourse("post_created", firstPost())).status).toBe(200);
    await settle();

    expect(discourse.isDone()).toBe(true);
    expect(slack.scope.isDone()).toBe(true);
    expect(slack.bodies).toHaveLength(1);
    expect(unmatched).toEqual([]);
    const question = await app.db.prisma.question.findFirstOrThrow();
    expect(question).toMatchObject({ tags: ["facturatie", "abonnement"], hasTopicFacts: true, status: "open", categorySlug: "support" });
    const blocks = JSON.parse(slack.bodies[0]?.blocks ?? "[]") as Array<{ type: string; elements?: Array<{ text?: string }> }>;
    const meta = blocks.find((block) => block.type === "context")?.elements?.[0]?.text ?? "";
    expect(meta).toContain("facturatie, abonnement");
    expect(slack.bodies[0]?.channel).toBe("C0FALLBACK");
  });
});
