// The loop under bad input and failing peers: nothing half-written, nothing lost, nothing twice.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, SLACK_API, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { CHANNEL, PRIYA, answerSubmission, buttonClick, slashCommand } from "../support/slackPayloads";
import { drainUntil, linkedEmployee, routedCard } from "../support/scenario";
import { slackHeaders } from "../support/signing";
import { answerMarker } from "../../src/core/answers/publishAnswer";

let app: TestApp;

beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

const count = async () => ({
  employees: await app.db.prisma.employee.count(),
  inbound: await app.db.prisma.inboundEvent.count(),
  outbox: await app.db.prisma.outboxItem.count(),
});

test("forged or stale Slack signatures get 401 and write nothing", async () => {
  const body = new URLSearchParams(slashCommand("points")).toString();
  const forged = await app.postSlack(
    body,
    "application/x-www-form-urlencoded",
    slackHeaders(body, "application/x-www-form-urlencoded", undefined, "not-the-secret-000000000"),
  );
  expect(forged.status).toBe(401);
  const stale = await app.postSlack(
    body,
    "application/x-www-form-urlencoded",
    slackHeaders(body, "application/x-www-form-urlencoded", Math.floor(Date.now() / 1000) - 6 * 60),
  );
  expect(stale.status).toBe(401);
  expect(await count()).toEqual({ employees: 0, inbound: 0, outbox: 0 });
});

test("url_verification is answered, and a retried Events API delivery is handled once", async () => {
  const verification = JSON.stringify(fixture("slack/url_verification.json"));
  const res = await app.postSlack(verification, "application/json");
  expect(await res.json()).toMatchObject({ challenge: fixture<{ challenge: string }>("slack/url_verification.json").challenge });

  const home = JSON.stringify(fixture("slack/app_home_opened.json"));
  expect((await app.postSlack(home, "application/json")).status).toBe(200);
  expect((await app.postSlack(home, "application/json", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" })).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const slack = new FakeSlack().listen();
  await app.drain();
  expect(slack.of("views.publish")).toHaveLength(1);
});

test("Discourse down while publishing: the employee is told it is queued, and it is published exactly once after recovery", async () => {
  await app.stop();
  app = await startTestApp({ backoffBaseMs: 300 });
  const slack = new FakeSlack().listen();
  const ts = await routedCard(app);
  await linkedEmployee(app);
  const down = nock(DISCOURSE_URL).post("/posts.json").reply(503, "Service Unavailable");
  await app.interaction(answerSubmission("Het bedrag wordt binnen 5 werkdagen teruggestort.", ts));
  await app.drain();
  expect(down.isDone()).toBe(true);
  const queued = slack.of("chat.postMessage").filter((call) => call.body.channel === PRIYA);
  expect(queued).toHaveLength(1);
  expect(String(queued[0]?.body.text)).toMatch(/queued|wachtrij/);
  expect((await app.db.prisma.answer.findFirstOrThrow()).status).toBe("publishing");

  // After a failed attempt the retry first checks whether the post went out after all.
  nock(DISCOURSE_URL).persist().get("/t/4821.json").reply(200, fixture("discourse/topic.json"));
  // An earlier post by the same person in that topic, without our marker: not this answer.
  nock(DISCOURSE_URL).persist().get("/posts/19081.json").reply(200, fixture("discourse/create_post_response.json"));
  const up = nock(DISCOURSE_URL).post("/posts.json").reply(200, fixture("discourse/create_post_response.json"));
  await drainUntil(app, async () => (await app.db.prisma.answer.findFirstOrThrow()).status === "published");
  expect(down.isDone()).toBe(true);
  expect(up.isDone()).toBe(true);
  expect(await app.db.prisma.pointAward.count()).toBe(1);
  // "queued" was said once, however many retries it took.
  expect(slack.of("chat.postMessage").filter((call) => String(call.body.text).match(/queued|wachtrij/))).toHaveLength(1);
});

test("killed after Discourse accepted the post but before we recorded it: the retry finds the post and does not post again", async () => {
  new FakeSlack().listen();
  const ts = await routedCard(app);
  await linkedEmployee(app);
  // Submitting queues the publish; the "crash" is the answer left in 'publishing' with the post already live.
  nock(DISCOURSE_URL).post("/posts.json").replyWithError("socket hang up");
  await app.interaction(answerSubmission("Dit is al gepubliceerd.", ts));
  await app.drain();
  const answer = await app.db.prisma.answer.findFirstOrThrow();
  expect(answer.status).toBe("publishing");
  const live = { ...fixture<Record<string, unknown>>("discourse/create_post_response.json"), raw: `Dit is al gepubliceerd.\n\n${answerMarker(answer.id)}` };
  nock(DISCOURSE_URL).get("/t/4821.json").reply(200, fixture("discourse/topic.json"));
  nock(DISCOURSE_URL).get("/posts/19081.json").reply(200, live);
  const secondPost = nock(DISCOURSE_URL).post("/posts.json").reply(200, fixture("discourse/create_post_response.json"));
  await drainUntil(app, async () => (await app.db.prisma.answer.findFirstOrThrow()).status === "published");
  expect(secondPost.isDone()).toBe(false);
  expect((await app.db.prisma.answer.findFirstOrThrow()).communityPostId).toBe(19081);
  expect(await app.db.prisma.pointAward.count()).toBe(1);
});

test("the community rejects the answer (4xx): the employee gets the reason and their text back, no points", async () => {
  const slack = new FakeSlack().listen();
  const ts = await routedCard(app);
  await linkedEmployee(app);
  nock(DISCOURSE_URL)
    .post("/posts.json")
    .reply(422, { action: "create_post", errors: ["Body is too short (minimum is 20 characters)"] });
  await app.interaction(answerSubmission("Te kort.", ts));
  await app.drain();
  expect((await app.db.prisma.answer.findFirstOrThrow()).status).toBe("failed");
  const dm = slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === PRIYA)
    .at(-1)!;
  expect(slack.blocksText(dm)).toContain("Body is too short");
  expect(slack.blocksText(dm)).toContain("Te kort.");
  expect(await app.db.prisma.pointAward.count()).toBe(0);
});

test("an employee who is not linked is told in a direct message how to link, with their text kept", async () => {
  const slack = new FakeSlack().listen();
  const ts = await routedCard(app);
  const res = await app.interaction(answerSubmission("Mijn antwoord", ts));
  expect(await res.text()).toBe("");
  await app.drain();
  const dm = slack.of("chat.postMessage").find((call) => call.body.channel === PRIYA);
  expect(slack.blocksText(dm!)).toMatch(/not sent[\s\S]*link[\s\S]*Mijn antwoord/);
  expect(await app.db.prisma.answer.count()).toBe(0);
});

test("Slack took the card but the answer was lost: the retry finds it in the channel's history and posts nothing twice", async () => {
  await app.stop();
  app = await startTestApp({ backoffBaseMs: 50 });
  const slack = new FakeSlack().dropAnswerOf("chat.postMessage").listen();
  await app.deps.store.channels.setFallback("slack", CHANNEL);
  await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
  await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
  await drainUntil(app, async () => Boolean((await app.db.prisma.card.findFirst())?.messageRef));
  expect(slack.of("conversations.history")).toHaveLength(1);
  expect(slack.of("chat.postMessage")).toHaveLength(1);
  const card = await app.db.prisma.card.findFirstOrThrow();
  expect(card.messageRef).toBe(slack.of("chat.postMessage")[0]?.ts);
  expect(JSON.parse(String(slack.of("chat.postMessage")[0]?.body.metadata))).toEqual({ event_type: "advocate_card", event_payload: { card_id: card.id } });
});

test("Slack took an answer's echo but the answer was lost: the retry finds it in the thread and posts nothing twice", async () => {
  await app.stop();
  app = await startTestApp({ backoffBaseMs: 50 });
  const slack = new FakeSlack().dropAnswerOf("chat.postMessage:thread").listen();
  const ts = await routedCard(app);
  await linkedEmployee(app);
  nock(DISCOURSE_URL).post("/posts.json").reply(200, fixture("discourse/create_post_response.json"));
  await app.interaction(answerSubmission("De maandtermijn komt binnen 5 werkdagen terug.", ts));
  await drainUntil(app, async () => (await app.db.prisma.outboxItem.count({ where: { kind: "chat.threadReply", status: "done" } })) === 1);
  const echoes = slack.of("chat.postMessage").filter((call) => call.body.thread_ts === ts);
  expect(echoes).toHaveLength(1);
  expect(slack.of("conversations.replies")).toHaveLength(1);
  const answer = await app.db.prisma.answer.findFirstOrThrow();
  expect(JSON.parse(String(echoes[0]?.body.metadata))).toEqual({ event_type: "advocate_reply", event_payload: { key: answer.id } });
});

test("Slack 429 on a card: retried after Retry-After, posted once", async () => {
  const limited = nock(new URL(SLACK_API).origin).post("/api/chat.postMessage").reply(429, fixture("slack/rate_limited.json"), { "Retry-After": "1" });
  const slack = new FakeSlack().listen();
  await app.deps.store.channels.setFallback("slack", CHANNEL);
  await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
  await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
  const started = Date.now();
  await app.drain();
  expect(limited.isDone()).toBe(true);
  expect(slack.of("chat.postMessage")).toHaveLength(0);
  await drainUntil(app, async () => slack.of("chat.postMessage").length > 0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  expect(slack.of("chat.postMessage")).toHaveLength(1);
});

test("someone else answers on the community first, then the topic is closed: the card says so", async () => {
  const slack = new FakeSlack().listen();
  await routedCard(app);
  await app.postDiscourse("post_created", fixture("discourse/post_created.json"));
  await app.drain();
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toMatch(/Answered on the community by|Op de community beantwoord door/);
  const closed = fixture<{ topic: Record<string, unknown> }>("discourse/topic_created.json");
  closed.topic.closed = true;
  communityShowsTopic({ closed: true });
  await app.postDiscourse("topic_closed_status_updated", closed);
  await app.drain();
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toMatch(/closed|gesloten/);
});

/** GET /t/4821.json as the community's API answers it now (Discourse shows deleted topics to its staff API user). */
function communityShowsTopic(state: { closed?: boolean; deleted?: boolean }) {
  const page = {
    ...fixture<Record<string, unknown>>("discourse/topic.json"),
    closed: !!state.closed,
    deleted_at: state.deleted ? new Date().toISOString() : null,
  };
  return nock(DISCOURSE_URL).persist().get("/t/4821.json").reply(200, page);
}

test("a captured topic_created body replayed as topic_destroyed, then as topic_recovered, under new ids changes nothing the community does not show", async () => {
  const slack = new FakeSlack().listen();
  await routedCard(app);
  const status = async () => (await app.db.prisma.question.findFirstOrThrow()).status;
  const updatesBefore = slack.of("chat.update").length;

  const community = communityShowsTopic({ closed: false });
  expect((await app.postDiscourse("topic_destroyed", fixture("discourse/topic_created.json"), { eventId: "99101" })).status).toBe(200);
  await app.drain();
  expect(await status()).toBe("open");
  expect(community.isDone()).toBe(true); // the community was asked
  expect(slack.of("chat.update")).toHaveLength(updatesBefore);

  // Closed on the community for real; a replay as topic_recovered does not reopen it. (Slack's stand-in comes back
  // with the community's: the card is redrawn each time, and a redraw that keeps failing keeps the outbox busy.)
  nock.cleanAll();
  slack.listen();
  communityShowsTopic({ closed: true });
  const closed = fixture<{ topic: Record<string, unknown> }>("discourse/topic_created.json");
  closed.topic.closed = true;
  await app.postDiscourse("topic_closed_status_updated", closed, { eventId: "99102" });
  await app.drain();
  expect(await status()).toBe("closed");
  await app.postDiscourse("topic_recovered", fixture("discourse/topic_created.json"), { eventId: "99103" });
  await app.drain();
  expect(await status()).toBe("closed");
  const outcomes = await app.db.prisma.inboundEvent.findMany({ orderBy: { id: "asc" } });
  expect(outcomes.at(-1)?.outcome).toBe("no change (the community says topic.closed)");

  // A real deletion is applied.
  nock.cleanAll();
  slack.listen();
  communityShowsTopic({ deleted: true });
  await app.postDiscourse("topic_destroyed", fixture("discourse/topic_created.json"), { eventId: "99104" });
  await app.drain();
  expect(await status()).toBe("deleted");
});

test("a topic event is applied once the community answers again; until then it waits", async () => {
  await app.stop();
  app = await startTestApp({ backoffBaseMs: 50 });
  new FakeSlack().listen();
  await routedCard(app);
  nock(DISCOURSE_URL).get("/t/4821.json").times(2).reply(503, "Service Unavailable");
  communityShowsTopic({ deleted: true });
  await app.postDiscourse("topic_destroyed", fixture("discourse/topic_created.json"));
  await drainUntil(app, async () => (await app.db.prisma.question.findFirstOrThrow()).status === "deleted");
  expect((await app.db.prisma.inboundEvent.findFirstOrThrow({ where: { name: "topic_destroyed" } })).outcome).toBe("question deleted");
});

test("Not for us: the reason is shown and the question moves to the fallback channel", async () => {
  const slack = new FakeSlack().listen();
  const responses = captureResponseUrls();
  const ts = await routedCard(app);
  await app.interaction(buttonClick("advocate_pass", ts));
  expect(String(slack.of("views.open").at(-1)?.body.view)).toContain("advocate_pass_modal");
  const submission = answerSubmission("", ts);
  submission.view.callback_id = "advocate_pass_modal";
  submission.view.state.values = { reason: { reason_text: { type: "plain_text_input", value: "Dit is voor het salesteam" } } };
  expect((await app.interaction(submission)).status).toBe(200);
  await app.drain();
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("Dit is voor het salesteam");
  expect(slack.of("chat.postMessage").filter((call) => call.body.channel === "C0FALLBACK")).toHaveLength(1);
  expect(responses).toHaveLength(0);
});
