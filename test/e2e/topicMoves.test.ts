// A topic the community moves follows it: signed topic_edited / post_edited webhooks are hints, the category and
// tags come from the community's API, and the card moves to the channel the rules now pick, claim and all.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { CHANNEL, answerSubmission, buttonClick, slashCommand } from "../support/slackPayloads";

const PAYMENTS = "C07BTLNGN2P";

let app: TestApp;
let slack: FakeSlack;

beforeAll(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  captureResponseUrls();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

type Json = Record<string, any>;

/** The topic_edited webhook, saying the topic is now in this category. */
function topicEdited(categoryId: number): Json {
  const body = fixture<Json>("discourse/topic_edited.json");
  body.topic.category_id = categoryId;
  return body;
}

/** What `GET /t/4821.json` answers: the topic as the community has it now. */
function topicPage(categoryId: number): Json {
  const page = fixture<Json>("discourse/topic.json");
  return { ...page, category_id: categoryId, tags: ["facturatie", "terugbetaling"] };
}

async function cards() {
  return app.db.prisma.card.findMany({ orderBy: { createdAt: "asc" } });
}

async function liveCards() {
  return (await cards()).filter((card) => card.movedToChannelId === null);
}

function calls() {
  return { posts: slack.of("chat.postMessage").length, updates: slack.of("chat.update").length };
}

test("a question in `support` gets its card there, and a colleague claims it", async () => {
  await app.slashCommand(slashCommand(`route add <#${CHANNEL}|klantvragen> category:support`, "UADMIN001"));
  await app.slashCommand(slashCommand(`route add <#${PAYMENTS}|betalingen> category:payments`, "UADMIN001"));
  // The payments team reads Advocate in Dutch; the support channel in English.
  await app.slashCommand(slashCommand("language nl", "UADMIN001", PAYMENTS));
  await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
  await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
  await app.drain();
  expect(slack.of("chat.postMessage").map((call) => call.body.channel)).toEqual([CHANNEL]);
  const [card] = await cards();
  await app.interaction(buttonClick("advocate_claim", card!.messageRef!));
  await app.drain();
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("is on it");
});

test("moved to `payments` on the community: the old card says where it went, a new card appears there, still claimed", async () => {
  const discourse = nock(DISCOURSE_URL).get("/t/4821.json").reply(200, topicPage(7)).get("/site.json").reply(200, fixture("discourse/site.json"));
  const before = calls();
  // The webhook says category 7; the API is asked what the topic is now, and the site's categories name 7 "payments".
  expect((await app.postDiscourse("topic_edited", topicEdited(7))).status).toBe(200);
  await app.drain();
  expect(discourse.isDone()).toBe(true);
  const [old, moved] = await cards();
  const update = slack.of("chat.update").at(-1)!;
  expect(update.body.channel).toBe(CHANNEL);
  expect(update.body.ts).toBe(old!.messageRef);
  expect(slack.blocksText(update)).toContain(`Moved to <#${PAYMENTS}> by the community`);
  expect(slack.blocksText(update)).not.toContain("advocate_answer");
  const posted = slack.of("chat.postMessage").at(-1)!;
  expect(posted.body.channel).toBe(PAYMENTS);
  expect(slack.blocksText(posted)).toContain("payments");
  expect(slack.blocksText(posted)).toContain("pakt dit op");
  expect(calls()).toEqual({ posts: before.posts + 1, updates: before.updates + 1 });
  expect(old).toMatchObject({ channelId: CHANNEL, movedToSurface: "slack", movedToChannelId: PAYMENTS });
  expect(moved).toMatchObject({ channelId: PAYMENTS, movedToChannelId: null, routedBy: "rule:2" });
  const question = await app.db.prisma.question.findFirstOrThrow();
  expect(question).toMatchObject({ categoryId: 7, categorySlug: "payments", tags: ["facturatie", "terugbetaling"], status: "open" });
  expect(question.claimedById).not.toBeNull();
});

test("the same move redelivered five times changes nothing: no API call, no redraw, one live card", async () => {
  const before = calls();
  for (let i = 0; i < 5; i++) expect((await app.postDiscourse("topic_edited", topicEdited(7))).status).toBe(200);
  // And once more under a delivery id already seen.
  expect(await (await app.postDiscourse("topic_edited", topicEdited(7), { eventId: "90500" })).json()).toEqual({ status: "accepted" });
  expect(await (await app.postDiscourse("topic_edited", topicEdited(7), { eventId: "90500" })).json()).toEqual({ status: "duplicate" });
  await app.drain();
  expect(calls()).toEqual(before);
  expect((await liveCards()).map((card) => card.channelId)).toEqual([PAYMENTS]);
});

test("moved back (seen on the first post's post_edited): the first card is live again in place, the second says where it went", async () => {
  nock(DISCOURSE_URL).get("/t/4821.json").reply(200, topicPage(5));
  const edited = fixture<Json>("discourse/post_created_first_post.json");
  edited.post = { ...edited.post, version: 2, category_id: 5 };
  const before = calls();
  expect((await app.postDiscourse("post_edited", edited)).status).toBe(200);
  await app.drain();
  // Updated in place: no new message anywhere.
  expect(calls().posts).toBe(before.posts);
  const [first, second] = await cards();
  const redrawn = slack.of("chat.update").slice(before.updates);
  const back = redrawn.filter((call) => call.body.ts === first!.messageRef).at(-1)!;
  expect(slack.blocksText(back)).toContain("is on it");
  expect(slack.blocksText(back)).not.toContain("Moved to");
  const away = redrawn.filter((call) => call.body.ts === second!.messageRef).at(-1)!;
  expect(slack.blocksText(away)).toContain(`Door de community verplaatst naar <#${CHANNEL}>`);
  expect((await liveCards()).map((card) => card.channelId)).toEqual([CHANNEL]);
  expect(await app.db.prisma.question.findFirstOrThrow()).toMatchObject({ categoryId: 5, categorySlug: "support" });
});

test("a community that cannot be reached: nothing is written, the outbox retries, and the move lands once", async () => {
  const down = nock(DISCOURSE_URL).get("/t/4821.json").times(2).reply(503, "unavailable");
  const before = calls();
  await app.postDiscourse("topic_edited", topicEdited(7));
  // The worker runs once: the API is down, so nothing moved and nothing was redrawn.
  await app.worker.drain();
  expect(await app.db.prisma.question.findFirstOrThrow()).toMatchObject({ categoryId: 5, categorySlug: "support" });
  expect((await liveCards()).map((card) => card.channelId)).toEqual([CHANNEL]);
  expect(calls()).toEqual(before);
  nock(DISCOURSE_URL).get("/t/4821.json").reply(200, topicPage(7));
  await app.drain();
  expect(down.isDone()).toBe(true);
  const job = await app.db.prisma.outboxItem.findFirstOrThrow({ where: { kind: "question.reroute" }, orderBy: { id: "desc" } });
  expect(job.status).toBe("done");
  expect(job.attempts).toBeGreaterThanOrEqual(3);
  expect((await liveCards()).map((card) => card.channelId)).toEqual([PAYMENTS]);
  // Both cards existed: both are redrawn in place, none posted again.
  expect(calls().posts).toBe(before.posts);
});

test("archived on the community: the live card says closed (no one can reply), the moved card is left alone; unarchived: open again", async () => {
  const archived = topicEdited(7);
  archived.topic.archived = true;
  nock(DISCOURSE_URL)
    .get("/t/4821.json")
    .reply(200, { ...topicPage(7), archived: true });
  const before = calls();
  expect((await app.postDiscourse("topic_archived_status_updated", archived)).status).toBe(200);
  await app.drain();
  const [first, second] = await cards();
  const redrawn = slack.of("chat.update").slice(before.updates);
  expect(redrawn.map((call) => call.body.ts)).toEqual([second!.messageRef]);
  expect(slack.blocksText(redrawn[0]!)).toContain("Het topic is op de community gesloten");
  expect(slack.blocksText(redrawn[0]!)).not.toContain("advocate_answer");
  expect(first!.movedToChannelId).toBe(PAYMENTS);
  expect((await app.db.prisma.question.findFirstOrThrow()).status).toBe("closed");

  nock(DISCOURSE_URL).get("/t/4821.json").reply(200, topicPage(7));
  await app.postDiscourse("topic_archived_status_updated", topicEdited(7));
  await app.drain();
  expect((await app.db.prisma.question.findFirstOrThrow()).status).toBe("open");
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("advocate_answer");
});

test("unlisted on the community: still open to replies, so the card stays as it is (the API is asked, nothing is redrawn)", async () => {
  const unlisted = topicEdited(7);
  unlisted.topic.visible = false;
  const discourse = nock(DISCOURSE_URL)
    .get("/t/4821.json")
    .reply(200, { ...topicPage(7), visible: false });
  const before = calls();
  expect((await app.postDiscourse("topic_visible_status_updated", unlisted)).status).toBe(200);
  await app.drain();
  expect(discourse.isDone()).toBe(true);
  expect(calls()).toEqual(before);
  expect((await app.db.prisma.inboundEvent.findFirstOrThrow({ where: { name: "topic_visible_status_updated" } })).outcome).toBe("no change");
});

test("a topic known only from its topic webhook is routed by category: the slug comes from the community's categories", async () => {
  const topic = fixture<Json>("discourse/topic_created.json");
  topic.topic = { ...topic.topic, id: 4830, slug: "incasso-mislukt", title: "Incasso mislukt", category_id: 7 };
  const page = { ...topicPage(7), id: 4830, slug: "incasso-mislukt", title: "Incasso mislukt" };
  // The categories were fetched a while ago in this process: a known id is answered from the cache, no new call.
  const api = nock(DISCOURSE_URL).get("/t/4830.json").reply(200, page);
  await app.postDiscourse("topic_created", topic);
  // No first-post webhook comes: routing waits, then asks the community for the rest.
  await app.drain();
  expect(api.isDone()).toBe(true);
  const question = await app.db.prisma.question.findFirstOrThrow({ where: { topicId: 4830 } });
  expect(question).toMatchObject({ categoryId: 7, categorySlug: "payments", status: "open" });
  expect(slack.of("chat.postMessage").at(-1)?.body.channel).toBe(PAYMENTS);
});

test("a question passed on to the fallback follows a move from there, and is not moved back to the team that passed it on", async () => {
  const FALLBACK = "C0FALLBACK";
  await app.slashCommand(slashCommand(`route fallback <#${FALLBACK}|algemeen>`, "UADMIN001"));
  const topic = fixture<Json>("discourse/topic_created.json");
  topic.topic = { ...topic.topic, id: 4840, slug: "meterstand-klopt-niet", title: "Meterstand klopt niet" };
  const first = fixture<Json>("discourse/post_created_first_post.json");
  first.post = { ...first.post, id: 98411, topic_id: 4840, topic_slug: "meterstand-klopt-niet", topic_title: "Meterstand klopt niet" };
  await app.postDiscourse("topic_created", topic);
  await app.postDiscourse("post_created", first);
  await app.drain();
  const question = await app.db.prisma.question.findFirstOrThrow({ where: { topicId: 4840 } });
  const card = await app.db.prisma.card.findFirstOrThrow({ where: { questionId: question.id } });
  expect(card.channelId).toBe(CHANNEL);
  await app.interaction(buttonClick("advocate_pass", card.messageRef!, { value: JSON.stringify({ topicId: 4840 }) }));
  const submission = answerSubmission("", card.messageRef!, { topicId: 4840 });
  submission.view.callback_id = "advocate_pass_modal";
  submission.view.state.values = { reason: { reason_text: { type: "plain_text_input", value: "Dit is voor facturatie" } } };
  await app.interaction(submission);
  await app.drain();
  const byChannel = async () =>
    (await app.db.prisma.card.findMany({ where: { questionId: question.id }, orderBy: { createdAt: "asc" } })).map((row) => [
      row.channelId,
      row.passedOnBy ? "passed on" : row.movedToChannelId ? `moved to ${row.movedToChannelId}` : "live",
    ]);
  expect(await byChannel()).toEqual([
    [CHANNEL, "passed on"],
    [FALLBACK, "live"],
  ]);

  nock(DISCOURSE_URL)
    .get("/t/4840.json")
    .reply(200, { ...topicPage(7), id: 4840 });
  await app.postDiscourse("topic_edited", { topic: { ...topic.topic, category_id: 7 } });
  await app.drain();
  expect(await byChannel()).toEqual([
    [CHANNEL, "passed on"],
    [FALLBACK, `moved to ${PAYMENTS}`],
    [PAYMENTS, "live"],
  ]);

  // Back to `support`: that team said "not for us", so the question stays with payments.
  const api = nock(DISCOURSE_URL)
    .get("/t/4840.json")
    .reply(200, { ...topicPage(5), id: 4840 });
  await app.postDiscourse("topic_edited", { topic: { ...topic.topic, category_id: 5 } });
  await app.drain();
  expect(api.isDone()).toBe(true);
  expect(await byChannel()).toEqual([
    [CHANNEL, "passed on"],
    [FALLBACK, `moved to ${PAYMENTS}`],
    [PAYMENTS, "live"],
  ]);
});
