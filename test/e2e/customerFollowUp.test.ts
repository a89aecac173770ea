// The conversation goes on after our answer: the customer's follow-up on the community appears in the card's
// thread with the answerer named, the card says the customer replied and offers Answer again, and a second
// answer publishes and pays by the follow-up rule. On Slack and on Teams, through real signed webhooks.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { CHANNEL, PRIYA, answerSubmission, buttonClick, slashCommand } from "../support/slackPayloads";
import { linkedEmployee, routedCard } from "../support/scenario";
import { FakeConnector, SANNE, TEAMS_CHANNEL, activities, botFramework } from "../support/teams";

let app: TestApp;
let slack: FakeSlack;
let connector: FakeConnector;

beforeAll(async () => {
  app = await startTestApp();
  botFramework();
  slack = new FakeSlack().listen();
  connector = new FakeConnector().listen();
});
afterAll(async () => {
  await app.stop();
  nock.cleanAll();
});
beforeEach(() => {
  slack.calls.length = 0;
  connector.calls.length = 0;
});

/** A reply on topic 4821 (the fixture's shape) by someone, as its post_created webhook carries it. */
function replyBy(who: { username: string; name: string }, postId: number, postNumber: number, raw: string) {
  const body = fixture<{ post: Record<string, unknown> }>("discourse/post_created.json");
  Object.assign(body.post, {
    id: postId,
    post_number: postNumber,
    username: who.username,
    name: who.name,
    display_username: who.name,
    raw,
    cooked: `<p>${raw}</p>`,
    post_url: `/t/factuur-dubbel-afgeschreven-na-overstap-naar-jaarabonnement/4821/${postNumber}`,
  });
  return body;
}

const MARIEKE = { username: "marieke_vdberg", name: "Marieke van den Berg" };
const FOLLOW_UP = "Dank je! Maar de tweede afschrijving staat er na een week nog steeds.";

/** Publishes an answer from the Slack card's modal, with the community answering as create_post_response. */
async function answerFromSlack(ts: string, text: string, postId: number): Promise<void> {
  await app.interaction(buttonClick("advocate_answer", ts));
  const created = { ...fixture<Record<string, unknown>>("discourse/create_post_response.json"), id: postId, post_number: postId - 19077 };
  const published = nock(DISCOURSE_URL).post("/posts.json").reply(200, created);
  // Each opened form is a view of its own: its id is the submission's key.
  expect((await app.interaction(answerSubmission(text, ts, { viewId: `V${postId}` }))).status).toBe(200);
  await app.drain();
  expect(published.isDone()).toBe(true);
}

describe("Slack", () => {
  let ts: string;

  beforeAll(async () => {
    await app.deps.store.channels.setLocale("slack", CHANNEL, "en");
    ts = await routedCard(app);
    await linkedEmployee(app, PRIYA, "sanne.devries");
    await answerFromSlack(ts, "Hoi Marieke, de maandtermijn wordt automatisch verrekend.", 19080);
  });

  test("the customer's reply after our answer reaches the card's thread, the answerer named, once", async () => {
    await app.postDiscourse("post_created", replyBy(MARIEKE, 19085, 4, FOLLOW_UP));
    await app.postDiscourse("post_created", replyBy(MARIEKE, 19085, 4, FOLLOW_UP), { eventId: "redelivered-follow-up" });
    await app.drain();

    const question = await app.db.prisma.question.findFirstOrThrow({ where: { topicId: 4821 } });
    expect(question).toMatchObject({ status: "customer_replied", followUpBy: "Marieke van den Berg" });
    expect(question.followUpUrl).toContain("/4821/4");

    const inThread = slack.of("chat.postMessage").filter((call) => call.body.thread_ts === ts);
    expect(inThread).toHaveLength(1);
    const said = slack.blocksText(inThread[0]!);
    expect(said).toContain("Marieke van den Berg replied on");
    expect(said).toContain("de tweede afschrijving staat er na een week nog steeds");
    expect(said).toContain(`<@${PRIYA}>`);

    const card = slack.of("chat.update").at(-1)!;
    expect(card.body.ts).toBe(ts);
    expect(slack.blocksText(card)).toContain("Marieke van den Berg replied after the answer");
    expect(JSON.stringify(card.body.blocks)).toContain("advocate_answer");
  });

  test("a colleague posting on the community directly is no customer follow-up", async () => {
    await app.postDiscourse("post_created", replyBy({ username: "sanne.devries", name: "Sanne de Vries" }, 19086, 5, "Ik kijk ernaar."));
    await app.drain();
    expect(slack.of("chat.postMessage").filter((call) => call.body.thread_ts === ts)).toHaveLength(0);
  });

  test("a second answer publishes and pays by the follow-up rule an admin set", async () => {
    await app.slashCommand(slashCommand("points set follow_up_answer 4", "UADMIN001"));
    await answerFromSlack(ts, "Hoi Marieke, ik heb de tweede afschrijving laten terugboeken.", 19087);

    const ledger = await app.db.prisma.pointAward.findMany({ orderBy: { id: "asc" } });
    expect(ledger.map((row) => [row.reason, row.points])).toEqual([
      ["answer_published", 10],
      ["follow_up_answer", 4],
    ]);
    const question = await app.db.prisma.question.findFirstOrThrow({ where: { topicId: 4821 } });
    expect(question.status).toBe("answered");
    expect(slack.blocksText(slack.of("chat.update").at(-1)!)).toContain("Answered by");
  });
});

describe("Teams", () => {
  let messageRef: string;

  beforeAll(async () => {
    await app.db.prisma.$executeRawUnsafe(`TRUNCATE "Question", "Card", "Answer", "PointAward", "RoutingRule", "InboundEvent" CASCADE`);
    await app.postTeams(activities.botAdded());
    await app.deps.store.rules.add({
      priority: 10,
      target: { surface: "teams", channelId: TEAMS_CHANNEL },
      categories: [],
      tags: ["facturatie"],
      keywords: [],
      languages: [],
      createdBy: "test",
    });
    await app.deps.store.channels.setLocale("teams", TEAMS_CHANNEL, "en");
    await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
    await app.postDiscourse("post_created", fixture("discourse/post_created_first_post.json"));
    await app.drain();
    const card = await app.db.prisma.card.findFirstOrThrow({ where: { surface: "teams" } });
    messageRef = card.messageRef as string;
    // Sanne answered from Teams (the answer dialog itself is tested in test/e2e/teams/loop.test.ts).
    await linkedEmployee(app, SANNE, "sanne.devries", "teams");
    const sanne = await app.db.prisma.employee.findFirstOrThrow({ where: { surface: "teams", externalId: SANNE } });
    await app.db.prisma.answer.create({
      data: {
        questionId: card.questionId,
        employeeId: sanne.id,
        cardId: card.id,
        submissionKey: "teams-answer",
        body: "Hoi Marieke, de maandtermijn wordt automatisch verrekend.",
        postedAs: "sanne.devries",
        status: "published",
        communityPostId: 19080,
        postUrl: `${DISCOURSE_URL}/t/4821/3`,
        publishedAt: new Date(),
      },
    });
    await app.deps.store.questions.update(card.questionId, { status: "answered", answeredBy: "Sanne", answeredUrl: `${DISCOURSE_URL}/t/4821/3` });
  });

  test("the customer's reply reaches the Teams card's thread with the answerer named, and the card offers Answer again", async () => {
    await app.postDiscourse("post_created", replyBy(MARIEKE, 19085, 4, FOLLOW_UP));
    await app.drain();

    const thread = connector.sentTo(`${TEAMS_CHANNEL};messageid=${messageRef}`);
    expect(thread).toHaveLength(1);
    const said = FakeConnector.text(thread[0]);
    expect(said).toContain("Marieke van den Berg replied on");
    expect(said).toContain("Sanne");

    const update = connector.updates().at(-1);
    expect(update?.path).toBe(`/v3/conversations/${TEAMS_CHANNEL};messageid=${messageRef}/activities/${messageRef}`);
    const card = FakeConnector.text(update);
    expect(card).toContain("Marieke van den Berg replied after the answer");
    expect(card).toContain("task/fetch");
  });
});
