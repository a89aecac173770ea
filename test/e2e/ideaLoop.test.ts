// The idea loop through Slack: an idea's card offers the statuses; one chosen opens the reply template in the
// customer's language; submitted, it is published under the employee's own name, the topic gets the status tag,
// the card shows the status and the employee earns points once. A refusal by the community changes nothing here.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { CHANNEL, PRIYA, ideaSubmission, selectChoice } from "../support/slackPayloads";
import { askTopic, communityTakesReply, linkedEmployee } from "../support/scenario";

let app: TestApp;
let slack: FakeSlack;

beforeAll(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  await app.deps.store.channels.setFallback("slack", CHANNEL);
  await linkedEmployee(app);
  await askTopic(app, 4821, "Idee: donkere modus in de app", {
    body: "Het zou fijn zijn als de app een donkere modus had, want 's avonds is het scherm erg fel.",
  });
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const choice = (status: string) => JSON.stringify({ topicId: 4821, status });
const cardTs = async () => (await app.db.prisma.card.findFirstOrThrow({ where: { channelId: CHANNEL } })).messageRef as string;
const question = () => app.db.prisma.question.findFirstOrThrow({ where: { topicId: 4821 } });

/** The community takes the reply (as whoever the request names) and the tags; each request is kept. */
function communityAccepts() {
  const { scope, posted } = communityTakesReply();
  const seen: { reply: typeof posted; tags?: { username: string; tags: string[] } } = { reply: posted };
  scope
    .get("/t/4821.json")
    .reply(200, fixture("discourse/topic.json"))
    .put("/t/-/4821.json")
    .reply(function (_uri, body) {
      seen.tags = { username: String(this.req.headers["api-username"]), tags: (body as { tags: string[] }).tags };
      return [200, { basic_topic: { id: 4821 } }];
    });
  return { scope, seen };
}

test("an idea's card offers the five statuses and says none is public yet", async () => {
  expect((await question()).kind).toBe("idea");
  const card = slack.of("chat.postMessage").find((call) => call.body.channel === CHANNEL)!;
  const text = slack.blocksText(card);
  expect(text).toContain("advocate_idea_status");
  for (const status of ["under_review", "reviewed", "coming_soon", "launched", "not_planned"]) expect(text).toContain(status);
  expect(text).toContain("Idea: no public status yet");
});

test("choosing a status opens the reply template in the customer's language, for the employee to edit", async () => {
  const res = await app.interaction(selectChoice("advocate_idea_status", await cardTs(), choice("coming_soon")));
  expect(res.status).toBe(200);
  const modal = String(slack.of("views.open").at(-1)!.body.view);
  expect(modal).toContain("advocate_idea_modal");
  // The employee reads English; the customer wrote Dutch, so the reply starts in Dutch.
  expect(modal).toContain("Goed nieuws: we gaan dit bouwen!");
  expect(modal).toContain("@sanne.devries");
  expect(modal).toContain("Coming soon");
});

test("form problems show next to their field and nothing is stored", async () => {
  const ts = await cardTs();
  const problems = async (payload: unknown) => ((await (await app.interaction(payload)).json()) as { errors: Record<string, string> }).errors;
  expect(await problems(ideaSubmission("coming_soon", "  ", ts))).toEqual({ reply: expect.stringContaining("Write the reply") });
  expect(await problems(ideaSubmission("not_planned", "We bouwen dit niet.", ts, { reason: " " }))).toEqual({
    reason: expect.stringContaining("deserves a reason"),
  });
  expect(await problems(ideaSubmission("coming_soon", "Komt eraan!", ts, { consent: false }))).toEqual({ consent: expect.stringContaining("Tick the box") });
  expect(await app.db.prisma.ideaUpdate.count()).toBe(0);
});

test("a status goes out under the employee's name with the topic's tag; card, DM and points follow, once", async () => {
  const { scope, seen } = communityAccepts();
  const ts = await cardTs();
  const reply = "Goed nieuws: we gaan dit bouwen! Volgende maand in de app.";
  const submission = ideaSubmission("coming_soon", reply, ts, { viewId: "V0IDEA001" });
  expect((await app.interaction(submission)).status).toBe(200);
  // A double click sends the same view again: one update, one reply.
  expect((await app.interaction(submission)).status).toBe(200);
  await app.drain();

  expect(scope.isDone()).toBe(true);
  expect(seen.reply?.username).toBe("sanne.devries");
  expect(seen.reply?.raw).toContain(reply);
  // Tags are metadata, set by Advocate's own API user; the topic keeps its other tags.
  expect(seen.tags).toEqual({ username: "system", tags: ["facturatie", "abonnement", "coming-soon"] });
  expect(await app.db.prisma.ideaUpdate.count()).toBe(1);
  const after = await question();
  expect(after).toMatchObject({ ideaStatus: "coming_soon", ideaStatusBy: "Sanne" });
  expect(after.firstAnsweredAt).not.toBeNull();
  const awards = await app.db.prisma.pointAward.findMany();
  expect(awards.map((award) => [award.points, award.reason])).toEqual([[5, "idea_status:coming_soon"]]);
  expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("Idea status: Coming soon (set by Sanne)");
  const dm = slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === PRIYA || call.body.channel === `D${PRIYA}`)
    .at(-1)!;
  expect(slack.blocksText(dm)).toContain("+5 points");
});

test("our own reply coming back by webhook is not taken for a colleague's answer", async () => {
  const post = fixture<Record<string, any>>("discourse/post_created.json");
  post.post = { ...post.post, id: 19081, topic_id: 4821, post_number: 3, username: "sanne.devries" };
  await app.postDiscourse("post_created", post);
  await app.drain();
  expect((await question()).status).toBe("open");
});

test("the same status set again pays no second time", async () => {
  const { scope } = communityAccepts();
  await app.interaction(ideaSubmission("coming_soon", "Nog even geduld: het komt eraan.", await cardTs(), { viewId: "V0IDEA002" }));
  await app.drain();
  expect(scope.isDone()).toBe(true);
  expect(await app.db.prisma.pointAward.count()).toBe(1);
});

test("the community refusing a status: the employee gets the reason and their text, the idea keeps its status", async () => {
  const refused = nock(DISCOURSE_URL)
    .post("/posts.json")
    .reply(422, { action: "create_post", errors: ["Body is too similar to what you recently posted"], error_type: "invalid_parameters" });
  const text = "Het staat live sinds vandaag!";
  await app.interaction(ideaSubmission("launched", text, await cardTs(), { viewId: "V0IDEA003" }));
  await app.drain();
  expect(refused.isDone()).toBe(true);
  expect((await question()).ideaStatus).toBe("coming_soon");
  expect(await app.db.prisma.pointAward.count()).toBe(1);
  const update = await app.db.prisma.ideaUpdate.findFirstOrThrow({ where: { status: "launched" } });
  expect(update).toMatchObject({ state: "failed", error: "Body is too similar to what you recently posted" });
  const dm = slack.blocksText(slack.of("chat.postMessage").at(-1)!);
  expect(dm).toContain("did not accept your status update");
  expect(dm).toContain("Body is too similar");
  expect(dm).toContain(text);
});

test("a status with the reason it is not planned; a card that is no idea: the form is refused by DM", async () => {
  const { scope, seen } = communityAccepts();
  await app.interaction(
    ideaSubmission("not_planned", "Bedankt voor dit idee. We bouwen het niet, om deze reden:", await cardTs(), {
      viewId: "V0IDEA004",
      reason: "Het systeem kiest al automatisch een donker thema.",
    }),
  );
  await app.drain();
  expect(scope.isDone()).toBe(true);
  expect(seen.reply?.raw).toContain("om deze reden:\n\nHet systeem kiest al automatisch een donker thema.");
  expect(seen.tags?.tags).toEqual(["facturatie", "abonnement", "not-planned"]);
  expect((await question()).ideaStatus).toBe("not_planned");

  await app.db.prisma.question.updateMany({ where: { topicId: 4821 }, data: { kind: "complaint" } });
  // Checked after the ack (the form alone cannot tell): a direct message with the reason and the text.
  const res = await app.interaction(ideaSubmission("launched", "Live!", await cardTs(), { viewId: "V0IDEA005" }));
  expect(res.status).toBe(200);
  await app.drain();
  const dm = slack.blocksText(slack.of("chat.postMessage").at(-1)!);
  expect(dm).toContain("Your idea status update was not sent: This card is not an idea");
  expect(dm).toContain("Live!");
  expect(await app.db.prisma.ideaUpdate.count({ where: { status: "launched", state: { not: "failed" } } })).toBe(0);
});
