// Shortcuts to a known state: a routed card and a linked employee, set up through the same core paths.
import nock from "nock";
import { fixture } from "./fixtures";
import { DISCOURSE_URL, type TestApp } from "./testApp";
import { CHANNEL, PRIYA } from "./slackPayloads";

export async function routedCard(app: TestApp, topic = "discourse/topic_created.json", post = "discourse/post_created_first_post.json"): Promise<string> {
  await app.deps.store.rules.add({
    priority: 10,
    target: { surface: "slack", channelId: CHANNEL },
    categories: [],
    tags: ["facturatie"],
    keywords: [],
    languages: [],
    createdBy: "test",
  });
  await app.deps.store.channels.setFallback("slack", "C0FALLBACK");
  await app.postDiscourse("topic_created", fixture(topic));
  await app.postDiscourse("post_created", fixture(post));
  await app.drain();
  const card = await app.db.prisma.card.findFirstOrThrow({ where: { channelId: CHANNEL } });
  return card.messageRef as string;
}

export async function linkedEmployee(app: TestApp, userId = PRIYA, username = "sanne.devries", surface = "slack"): Promise<void> {
  const employee = await app.deps.store.employees.ensure(surface, userId, "Sanne");
  await app.deps.store.employees.update(employee.id, { communityUsername: username, linkedAt: new Date() });
}

/** Runs the outbox until `done` holds, letting short back-offs pass. */
export async function drainUntil(app: TestApp, done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    await app.drain();
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // What the outbox holds says where the work stopped.
  const items = await app.db.prisma.outboxItem.findMany({
    select: { id: true, kind: true, lane: true, status: true, attempts: true, nextAttemptAt: true, lastError: true },
  });
  const lanes = await app.db.prisma.outboxLane.findMany();
  const state = JSON.stringify({ now: new Date(), items, lanes }, (_key, value) => (typeof value === "bigint" ? String(value) : value));
  throw new Error(`condition not met within ${timeoutMs} ms; outbox: ${state}; pending nock: ${nock.pendingMocks().join(", ")}`);
}

/** A new community topic shaped like the fixture one, with its own id, title and, if given, tags, post and time. */
export async function askTopic(app: TestApp, topicId: number, title: string, options: { tags?: string[]; body?: string; postedAt?: Date } = {}): Promise<void> {
  const topic = fixture<Record<string, any>>("discourse/topic_created.json");
  const post = fixture<Record<string, any>>("discourse/post_created_first_post.json");
  topic.topic.id = post.post.topic_id = topicId;
  topic.topic.title = topic.topic.fancy_title = post.post.topic_title = title;
  topic.topic.slug = post.post.topic_slug = `topic-${topicId}`;
  post.post.id = topicId * 10;
  if (options.tags) topic.topic.tags = options.tags;
  if (options.body) post.post.raw = post.post.cooked = options.body;
  if (options.postedAt) topic.topic.created_at = post.post.created_at = options.postedAt.toISOString();
  await app.postDiscourse("topic_created", topic);
  await app.postDiscourse("post_created", post);
  await app.drain();
}

/** The community takes the next reply (the fixture's post 19081); `posted` holds what was sent and as whom. */
export function communityTakesReply(): { scope: nock.Scope; posted: { username: string; raw: string } } {
  const posted = { username: "", raw: "" };
  const scope = nock(DISCOURSE_URL)
    .post("/posts.json")
    .reply(function (_uri, body) {
      posted.username = String(this.req.headers["api-username"]);
      posted.raw = (body as { raw: string }).raw;
      return [200, fixture("discourse/create_post_response.json")];
    });
  return { scope, posted };
}
