// A reply in a card's Slack thread becomes a draft answer offered to its author alone (an ephemeral message in the
// thread), never a post: Publish goes the answer form's way (consent, outbox, exactly once, points), Edit first opens
// the form with the reply in it, Not an answer dismisses. Edits and deletions in chat move the draft; someone not yet
// linked links in one click and gets the draft back. Real signed events and interactions, what reached Slack and
// Discourse asserted.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls, type SlackCall } from "../support/slackApi";
import { CHANNEL, PRIYA, answerSubmission, buttonClick } from "../support/slackPayloads";
import { communityTakesReply, linkedEmployee, routedCard } from "../support/scenario";

const COLLEAGUE = "U06COLL3AGU";
const REPLY_TEXT = fixture<{ event: { text: string } }>("slack/message_thread_reply.json").event.text;

let app: TestApp;
let slack: FakeSlack;
let responses: Array<Record<string, unknown>>;
let ts: string;
let eventIds = 0;

beforeEach(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  responses = captureResponseUrls();
  ts = await routedCard(app);
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

type EventBody = { event_id: string; event: Record<string, any> };

/** A message event shaped like the fixture, in the card's thread; each its own event id unless given. */
function messageEvent(name: "message_thread_reply" | "message_changed" | "message_deleted", change: (event: Record<string, any>) => void = () => {}) {
  const body = fixture<EventBody>(`slack/${name}.json`);
  body.event_id = `Ev07TEST${String(++eventIds).padStart(4, "0")}`;
  const inner = name === "message_thread_reply" ? body.event : name === "message_changed" ? body.event.message : body.event.previous_message;
  inner.thread_ts = ts;
  change(body.event);
  return body;
}

const send = (body: unknown, headers: Record<string, string> = {}) => app.postSlack(JSON.stringify(body), "application/json", headers);

/** A reply by `user` in the card's thread, with its own ts. */
async function reply(user: string, text: string, replyTs: string): Promise<void> {
  const res = await send(
    messageEvent("message_thread_reply", (event) => {
      Object.assign(event, { user, text, ts: replyTs, event_ts: replyTs, client_msg_id: `c-${replyTs}` });
      event.blocks[0].elements[0].elements[0].text = text;
    }),
  );
  expect(res.status).toBe(200);
  await app.drain();
}

const offers = () => slack.of("chat.postEphemeral");
const draftOf = async (user: string) => {
  const employee = await app.db.prisma.employee.findFirstOrThrow({ where: { externalId: user } });
  return app.db.prisma.replyDraft.findFirstOrThrow({ where: { employeeId: employee.id }, orderBy: { createdAt: "desc" } });
};
const click = async (actionId: string, draftId: string, user = PRIYA) => {
  expect((await app.interaction(buttonClick(actionId, ts, { user, value: draftId }))).status).toBe(200);
  await app.drain();
};
const blocks = (call: SlackCall) => JSON.parse(String(call.body.blocks)) as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
const buttonsOf = (call: SlackCall) =>
  blocks(call).flatMap((block) => (block.type === "actions" ? (block.elements ?? []).map((element) => element.action_id) : []));

test("a linked employee's reply becomes a draft only they are offered, in the thread; Publish twice makes one post, with points", async () => {
  await linkedEmployee(app);
  const event = messageEvent("message_thread_reply");
  expect((await send(event)).status).toBe(200);
  // Slack's retry of the same event (X-Slack-Retry-Num): handled once.
  expect((await send(event, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" })).status).toBe(200);
  await app.drain();

  expect(offers()).toHaveLength(1);
  const offer = offers()[0]!;
  expect(offer.body).toMatchObject({ channel: CHANNEL, user: PRIYA, thread_ts: ts });
  expect(slack.blocksText(offer)).toContain("@sanne.devries");
  expect(slack.blocksText(offer)).toContain("dubbele afschrijving terugvragen");
  expect(buttonsOf(offer)).toEqual(["advocate_reply_publish", "advocate_reply_edit", "advocate_reply_dismiss"]);
  // Nothing in the channel, nothing on the community: a reply is chat until its author says otherwise.
  expect(slack.of("chat.postMessage").filter((call) => call.body.thread_ts)).toHaveLength(0);
  const draft = await draftOf(PRIYA);
  expect(draft).toMatchObject({ state: "offered", body: REPLY_TEXT, replyRef: event.event.ts });

  const { scope, posted } = communityTakesReply();
  await click("advocate_reply_publish", draft.id);
  await click("advocate_reply_publish", draft.id);
  expect(scope.isDone()).toBe(true);
  expect(posted.username).toBe("sanne.devries");
  expect(posted.raw).toContain(REPLY_TEXT);
  const answers = await app.db.prisma.answer.findMany();
  expect(answers).toHaveLength(1);
  expect(answers[0]).toMatchObject({ status: "published", body: REPLY_TEXT, postedAs: "sanne.devries", submissionKey: `draft:${draft.id}` });
  expect(await app.db.prisma.pointAward.count({ where: { reason: "answer_published" } })).toBe(1);
  expect((await draftOf(PRIYA)).state).toBe("published");
  const settled = responses.filter((body) => body.replace_original === true);
  expect(settled).toHaveLength(2);
  expect(String(settled[0]?.text)).toContain("published as @sanne.devries");
  // The published answer is echoed in the card's thread, like one from the form.
  expect(slack.of("chat.postMessage").filter((call) => call.body.thread_ts === ts)).toHaveLength(1);
});

test("colleagues' chatter, bots and other message kinds are never drafted for someone else; a forged click is refused", async () => {
  await linkedEmployee(app);
  await reply(PRIYA, REPLY_TEXT, "1763641200.001900");
  const draft = await draftOf(PRIYA);
  // A colleague's reply is offered to the colleague alone, never to Priya, never published.
  await reply(COLLEAGUE, "Haha, dat had ik ook vorige maand.", "1763641260.001950");
  expect(offers().map((call) => call.body.user)).toEqual([PRIYA, COLLEAGUE]);
  // Advocate's own and other bots' messages, joins, top-level posts and other threads: nothing at all.
  await send(messageEvent("message_thread_reply", (event) => Object.assign(event, { bot_id: "B07ADVC9K3P", ts: "1763641300.000100" })));
  await send(messageEvent("message_thread_reply", (event) => Object.assign(event, { subtype: "channel_join", ts: "1763641301.000100" })));
  await send(messageEvent("message_thread_reply", (event) => Object.assign(event, { thread_ts: undefined, ts: "1763641302.000100" })));
  await send(messageEvent("message_thread_reply", (event) => Object.assign(event, { thread_ts: "1700000000.000100", ts: "1763641303.000100" })));
  await app.drain();
  expect(offers()).toHaveLength(2);
  expect(await app.db.prisma.replyDraft.count()).toBe(2);

  // Someone else pressing Publish (or Not an answer) with Priya's draft id: refused, the draft untouched.
  await click("advocate_reply_publish", draft.id, COLLEAGUE);
  await click("advocate_reply_dismiss", draft.id, COLLEAGUE);
  expect(await app.db.prisma.answer.count()).toBe(0);
  expect((await draftOf(PRIYA)).state).toBe("offered");
  expect(responses.filter((body) => body.replace_original === true)).toHaveLength(0);
  expect(responses.map((body) => String(body.text))).toEqual([
    expect.stringContaining("Only the person who wrote"),
    expect.stringContaining("Only the person"),
  ]);

  // Once the question is closed on the community, its thread is just chat.
  await app.db.prisma.question.updateMany({ data: { status: "closed" } });
  await reply(PRIYA, "Opgelost, zie boven.", "1763641400.002000");
  expect(await app.db.prisma.replyDraft.count()).toBe(2);
  expect(offers()).toHaveLength(2);
});

test("a reply edited before Publish: the draft follows; deleted: it disappears", async () => {
  await linkedEmployee(app);
  await reply(PRIYA, REPLY_TEXT, "1763641200.001900");
  const edited = messageEvent("message_changed");
  expect((await send(edited)).status).toBe(200);
  await app.drain();
  const newText = edited.event.message.text as string;
  const draft = await draftOf(PRIYA);
  expect(draft.body).toBe(newText);
  // The author sees the new text offered.
  expect(offers()).toHaveLength(2);
  expect(slack.blocksText(offers()[1]!)).toContain("Terugbetaling");

  const { scope, posted } = communityTakesReply();
  await click("advocate_reply_publish", draft.id);
  expect(scope.isDone()).toBe(true);
  expect(posted.raw).toContain(newText);

  await reply(PRIYA, "Nog een aanvulling: de creditnota volgt per mail.", "1763641500.002200");
  const second = await draftOf(PRIYA);
  expect((await send(messageEvent("message_deleted", (event) => Object.assign(event.previous_message, { ts: "1763641500.002200" })))).status).toBe(200);
  await app.drain();
  expect((await app.db.prisma.replyDraft.findUniqueOrThrow({ where: { id: second.id } })).state).toBe("withdrawn");
  await click("advocate_reply_publish", second.id);
  expect(await app.db.prisma.answer.count()).toBe(1);
  expect(String(responses.at(-1)?.text)).toContain("no longer waiting");
});

test("Not an answer dismisses; Edit first opens the form with the reply's text, and that form is the draft's one answer", async () => {
  await linkedEmployee(app);
  await reply(PRIYA, "Even checken bij finance.", "1763641200.001900");
  const chatter = await draftOf(PRIYA);
  await click("advocate_reply_dismiss", chatter.id);
  expect((await app.db.prisma.replyDraft.findUniqueOrThrow({ where: { id: chatter.id } })).state).toBe("dismissed");
  expect(responses.at(-1)).toMatchObject({ replace_original: true, text: expect.stringContaining("nothing was published") });

  await reply(PRIYA, REPLY_TEXT, "1763641260.001950");
  const draft = await draftOf(PRIYA);
  await click("advocate_reply_edit", draft.id);
  const opened = slack.of("views.open").at(-1)!;
  const view = JSON.parse(String(opened.body.view));
  expect(JSON.parse(view.private_metadata)).toMatchObject({ draftId: draft.id, channelId: CHANNEL, messageTs: ts, topicId: 4821 });
  expect(view.blocks.find((block: { block_id?: string }) => block.block_id === "answer").element.initial_value).toBe(REPLY_TEXT);

  const { scope, posted } = communityTakesReply();
  const submission = answerSubmission(`${REPLY_TEXT} Groet, Sanne`, ts);
  submission.view.private_metadata = view.private_metadata;
  await app.interaction(submission);
  await app.drain();
  expect(scope.isDone()).toBe(true);
  expect(posted.raw).toContain("Groet, Sanne");
  expect((await draftOf(PRIYA)).state).toBe("published");
  // The offer's Publish afterwards is the same answer, not a second post.
  await click("advocate_reply_publish", draft.id);
  expect(await app.db.prisma.answer.count()).toBe(1);
});

test("not linked: the offer links in one click, and once linked the draft comes back with its text", async () => {
  await reply(PRIYA, REPLY_TEXT, "1763641200.001900");
  const offer = offers()[0]!;
  expect(buttonsOf(offer)).toEqual(["advocate_link_start", "advocate_reply_dismiss"]);
  const draft = await draftOf(PRIYA);
  // Publish pressed anyway (an older offer): link first, the text kept.
  await click("advocate_reply_publish", draft.id);
  expect(responses.at(-1)).toMatchObject({ replace_original: false, text: expect.stringContaining("Link your community account first") });
  expect(JSON.stringify(responses.at(-1)?.blocks)).toContain("advocate_link_start");

  const discourse = nock(DISCOURSE_URL)
    .get("/admin/users/list/active.json")
    .query({ email: "sanne.devries@voltaro.example", show_emails: "true" })
    .reply(200, fixture("discourse/users_by_email.json"));
  await click("advocate_link_start", draft.id);
  expect(discourse.isDone()).toBe(true);
  const consent = slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === PRIYA)
    .at(-1)!;
  expect(slack.blocksText(consent)).toContain("advocate_link_accept");
  await click("advocate_link_accept", "sanne.devries");
  // Back to the draft: offered again in the thread, now as the linked account (in Priya's language, Dutch).
  const back = offers().at(-1)!;
  expect(offers()).toHaveLength(2);
  expect(back.body).toMatchObject({ channel: CHANNEL, user: PRIYA, thread_ts: ts });
  expect(slack.blocksText(back)).toContain("publiceren als @sanne.devries");
  expect(slack.blocksText(back)).toContain("dubbele afschrijving terugvragen");
  expect(buttonsOf(back)).toContain("advocate_reply_publish");
});

test("no community account for the work email: told so in their language with the sign-up link, the text kept", async () => {
  await reply(PRIYA, REPLY_TEXT, "1763641200.001900");
  nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).reply(200, fixture("discourse/users_by_email_not_found.json"));
  await click("advocate_link_start", (await draftOf(PRIYA)).id);
  const told = slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === PRIYA)
    .at(-1)!;
  const text = slack.blocksText(told);
  expect(text).toContain(`${DISCOURSE_URL}/signup`);
  expect(text).toContain("Meld je aan");
  expect(text).toContain("Je tekst blijft bewaard");
  expect((await draftOf(PRIYA)).state).toBe("offered");
});

test("the answer form refused for want of a link carries the link button, and keeps its text as a draft for after linking", async () => {
  await app.interaction(answerSubmission(REPLY_TEXT, ts, { viewId: "V07FORMNL01" }));
  await app.drain();
  const refused = slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === PRIYA)
    .at(-1)!;
  expect(slack.blocksText(refused)).toContain("advocate_link_start");
  const kept = await draftOf(PRIYA);
  expect(kept).toMatchObject({ state: "offered", body: REPLY_TEXT, replyRef: "slack:V07FORMNL01" });
});

test("Answer before linking: the modal carries [Link my community account], which starts the consent flow in place", async () => {
  await app.interaction(buttonClick("advocate_answer", ts));
  const modal = slack.of("views.open").at(-1)!;
  expect(slack.blocksText(modal)).toContain("advocate_link_start");
  // The press inside the modal, as Slack sends it from a view: no channel, no message, no response_url.
  const press = buttonClick("advocate_link_start", ts, { value: "link" });
  for (const key of ["channel", "message", "response_url"]) delete press[key];
  press.container = { type: "view", view_id: "V07LINK0001" };
  press.view = { id: "V07LINK0001", type: "modal", callback_id: "", private_metadata: "", state: { values: {} }, hash: "1763641000.Lk2Zt8Kw" };
  nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).reply(200, fixture("discourse/users_by_email.json"));
  expect((await app.interaction(press)).status).toBe(200);
  const updated = slack.of("views.update").at(-1)!;
  expect(updated.body.view_id).toBe("V07LINK0001");
  expect(slack.blocksText(updated)).toContain("Looking up your community account");
  await app.drain();
  const consent = slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === PRIYA)
    .at(-1)!;
  expect(slack.blocksText(consent)).toContain("advocate_link_accept");
});
