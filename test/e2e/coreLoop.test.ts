// The whole loop through real HTTP: Discourse webhook → card in Slack → link with consent →
// claim → answer in a modal → published on Discourse as the employee → card, thread, DM, points.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { CHANNEL, PRIYA, answerSubmission, buttonClick, slashCommand } from "../support/slackPayloads";

let app: TestApp;
let slack: FakeSlack;
let responses: Array<Record<string, unknown>>;

beforeAll(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  responses = captureResponseUrls();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

async function cardTs(): Promise<string> {
  const card = await app.db.prisma.card.findFirstOrThrow({ where: { channelId: CHANNEL } });
  expect(card.messageRef).toBeTruthy();
  return card.messageRef as string;
}

test("an admin routes billing tags to a channel", async () => {
  const res = await app.slashCommand(slashCommand(`route add <#${CHANNEL}|klantvragen> tag:facturatie lang:nl`, "UADMIN001"));
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toContain("#1");
  const denied = await app.slashCommand(slashCommand("route add tag:x", PRIYA));
  expect(JSON.stringify(await denied.json())).toContain("Only Advocate admins");
  expect(await app.db.prisma.routingRule.count()).toBe(1);
  const language = await app.slashCommand(slashCommand("language nl", "UADMIN001"));
  expect(JSON.stringify(await language.json())).toContain("nl");
});

test("a new Dutch topic becomes one card in the routed channel", async () => {
  expect((await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"))).status).toBe(200);
  expect((await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"))).status).toBe(200);
  await app.drain();
  const posts = slack.of("chat.postMessage");
  expect(posts).toHaveLength(1);
  expect(posts[0]?.body.channel).toBe(CHANNEL);
  expect(posts[0]?.authorization).toBe("Bearer xoxb-test-token-123");
  const text = slack.blocksText(posts[0]!);
  expect(text).toContain("Factuur dubbel afgeschreven");
  expect(text).toContain("Vorige week ben ik overgestapt");
  expect(text).not.toContain("<p>");
  expect(text).toContain("advocate_answer");
  expect(text).toContain("advocate_claim");
  expect(text).toContain("advocate_pass");
  expect(text).toContain("Beantwoorden");
  await cardTs();
});

test("Answer before linking asks to link first, having read the presser once", async () => {
  const ts = await cardTs();
  const presser = jest.spyOn(app.deps.store.employees, "ensure");
  const res = await app.interaction(buttonClick("advocate_answer", ts));
  expect(res.status).toBe(200);
  const open = slack.of("views.open").at(-1);
  expect(slack.blocksText(open!)).toContain("/advocate link");
  expect(presser.mock.calls).toEqual([["slack", PRIYA, expect.anything()]]);
  presser.mockRestore();
});

test("linking finds the account by work email and links only on the employee's yes", async () => {
  const discourse = nock(DISCOURSE_URL)
    .get("/admin/users/list/active.json")
    .query({ email: "sanne.devries@voltaro.example", show_emails: "true" })
    .reply(200, fixture("discourse/users_by_email.json"));
  const res = await app.slashCommand(slashCommand("link"));
  expect(JSON.stringify(await res.json())).toContain("Looking up");
  await app.drain();
  expect(discourse.isDone()).toBe(true);
  const offer = slack.of("chat.postMessage").at(-1)!;
  expect(offer.body.channel).toBe(PRIYA);
  // users.info said nl-NL: the consent question comes in Dutch.
  expect(slack.blocksText(offer)).toContain("Je antwoorden plaatsen als @sanne.devries");
  let priya = await app.db.prisma.employee.findFirstOrThrow({ where: { externalId: PRIYA } });
  expect(priya.communityUsername).toBeNull();

  // Someone else clicking "accept" links nobody.
  await app.interaction(buttonClick("advocate_link_accept", "1.0", { user: "UOTHER001", value: "sanne.devries" }));
  expect((await app.db.prisma.employee.findFirstOrThrow({ where: { externalId: "UOTHER001" } })).communityUsername).toBeNull();

  await app.interaction(buttonClick("advocate_link_accept", "1.0", { value: "sanne.devries" }));
  priya = await app.db.prisma.employee.findFirstOrThrow({ where: { externalId: PRIYA } });
  expect(priya.communityUsername).toBe("sanne.devries");
  expect(JSON.stringify(responses.at(-1))).toContain("@sanne.devries");
});

test("Claim marks the card, a colleague cannot take it, Release frees it", async () => {
  const ts = await cardTs();
  await app.interaction(buttonClick("advocate_claim", ts));
  await app.drain();
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("pakt dit op");
  await app.interaction(buttonClick("advocate_claim", ts, { user: "UCOLLEAGUE" }));
  expect(JSON.stringify(responses.at(-1))).toContain("is already on this one");
  await app.interaction(buttonClick("advocate_release", ts));
  await app.drain();
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("advocate_claim");
  await app.interaction(buttonClick("advocate_claim", ts));
  await app.drain();
});

test("bad answers get inline errors in the modal and nothing is queued", async () => {
  const ts = await cardTs();
  const empty = await app.interaction(answerSubmission("   ", ts));
  expect(await empty.json()).toMatchObject({ response_action: "errors", errors: { answer: expect.any(String) } });
  const noConsent = await app.interaction(answerSubmission("Een goed antwoord", ts, { consent: false }));
  expect(await noConsent.json()).toMatchObject({ response_action: "errors", errors: { consent: expect.any(String) } });
  expect(await app.db.prisma.answer.count()).toBe(0);
});

test("the answer is published once under the employee's own name, with card, thread, DM and points", async () => {
  const ts = await cardTs();
  await app.interaction(buttonClick("advocate_answer", ts));
  const modal = slack.of("views.open").at(-1)!;
  expect(String(modal.body.view)).toContain("advocate_answer_modal");
  expect(String(modal.body.view)).toContain("@sanne.devries");

  let published: { headers: Record<string, string | string[]>; body: { topic_id: number; raw: string } } | null = null;
  const discourse = nock(DISCOURSE_URL)
    .post("/posts.json")
    .reply(function (_uri, body) {
      published = { headers: this.req.headers as Record<string, string>, body: body as { topic_id: number; raw: string } };
      return [200, fixture("discourse/create_post_response.json")];
    });
  const answer = "Hoi Marieke, de maandtermijn wordt automatisch verrekend.";
  const first = await app.interaction(answerSubmission(answer, ts));
  expect(first.status).toBe(200);
  // A double click on submit sends the same view again.
  expect((await app.interaction(answerSubmission(answer, ts))).status).toBe(200);
  await app.drain();

  expect(discourse.isDone()).toBe(true);
  expect(published!.headers["api-username"]).toBe("sanne.devries");
  expect(published!.headers["api-key"]).toBe("test-discourse-api-key");
  expect(published!.body.topic_id).toBe(4821);
  expect(published!.body.raw).toContain(answer);
  expect(await app.db.prisma.answer.count()).toBe(1);

  const update = slack.of("chat.update").at(-1)!;
  expect(update.body.ts).toBe(ts);
  expect(slack.blocksText(update)).toContain("Beantwoord door");
  const thread = slack.of("chat.postMessage").find((call) => call.body.thread_ts === ts);
  expect(thread?.body.text).toContain(answer);
  const dm = slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === PRIYA)
    .at(-1)!;
  expect(dm.body.text).toContain("+10 punten");
  expect(slack.of("views.publish").length).toBeGreaterThan(0);

  const ledger = await app.db.prisma.pointAward.findMany();
  expect(ledger).toHaveLength(1);
  expect(ledger[0]?.points).toBe(10);
});

test("our own post coming back by webhook is not 'answered elsewhere', and the leaderboard shows the points", async () => {
  const updatesBefore = slack.of("chat.update").length;
  const own = fixture<{ post: Record<string, unknown> }>("discourse/post_created.json");
  own.post = { ...own.post, id: 19081, username: "sanne.devries", post_number: 3 };
  await app.postDiscourse("post_created", own);
  await app.drain();
  expect(slack.of("chat.update").length).toBe(updatesBefore);
  const question = await app.db.prisma.question.findFirstOrThrow();
  expect(question.status).toBe("answered");

  const res = await app.slashCommand(slashCommand("leaderboard month"));
  const body = JSON.stringify(await res.json());
  expect(body).toContain(`<@${PRIYA}>`);
  expect(body).toContain("10 punten");
  const points = await app.slashCommand(slashCommand("points"));
  expect(JSON.stringify(await points.json())).toContain("*10* punten");
});
