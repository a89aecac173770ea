// Hostile text in both directions: a customer's post cannot mention, link or format in the employees' chat, and an
// employee's answer reaches the community as they wrote it (Discourse sanitises its own HTML) while its echo in the
// chat cannot ping a channel. Nobody can publish under someone else's community name.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { CHANNEL, answerSubmission, buttonClick } from "../support/slackPayloads";
import { linkedEmployee, routedCard } from "../support/scenario";

const HOSTILE_TITLE = "Help <!channel> <@U0BOSS001> *urgent* <https://evil.example|klik hier>";
const HOSTILE_BODY = "<p>&lt;!here&gt; please &lt;https://evil.example|log in&gt; and &lt;script&gt;alert(1)&lt;/script&gt;</p>";
const HOSTILE_ANSWER = "Fixed it <!channel> <@U0BOSS001> **really** <script>alert(1)</script> [log in](https://evil.example)";

let app: TestApp;
let slack: FakeSlack;

beforeEach(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  captureResponseUrls();
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

function hostileTopic(): [Record<string, any>, Record<string, any>] {
  const topic = fixture<Record<string, any>>("discourse/topic_created.json");
  topic.topic.title = topic.topic.fancy_title = HOSTILE_TITLE;
  const post = fixture<Record<string, any>>("discourse/post_created_first_post.json");
  post.post.cooked = HOSTILE_BODY;
  post.post.raw = "<!here> please <https://evil.example|log in> and <script>alert(1)</script>";
  post.post.topic_title = HOSTILE_TITLE;
  return [topic, post];
}

test("a customer's mentions, links and markup reach the Slack card as plain text", async () => {
  const [topic, post] = hostileTopic();
  await app.deps.store.rules.add({
    priority: 10,
    target: { surface: "slack", channelId: CHANNEL },
    categories: [],
    tags: ["facturatie"],
    keywords: [],
    languages: [],
    createdBy: "test",
  });
  await app.postDiscourse("topic_created", topic);
  await app.postDiscourse("post_created", post);
  await app.drain();
  const card = slack.of("chat.postMessage").at(-1)!;
  const blocks = JSON.stringify(card.body.blocks);
  for (const control of ["<!channel>", "<!here>", "<@U0BOSS001>", "<https://evil.example", "<script>"]) expect(blocks).not.toContain(control);
  expect(blocks).toContain("&lt;!channel&gt;");
  expect(blocks).toContain("&lt;!here&gt;");
  expect(String(card.body.text)).not.toContain("<!channel>");
});

test("an answer is published as written under the employee's own name; its echo in the thread cannot ping or link", async () => {
  const ts = await routedCard(app);
  await linkedEmployee(app);
  const published = nock(DISCOURSE_URL, { reqheaders: { "Api-Username": "sanne.devries" } })
    .post("/posts.json", (body: { raw: string }) => body.raw.startsWith(HOSTILE_ANSWER))
    .reply(200, fixture("discourse/create_post_response.json"));
  expect((await app.interaction(answerSubmission(HOSTILE_ANSWER, ts))).status).toBe(200);
  await app.drain();
  expect(published.isDone()).toBe(true);
  const echo = slack.of("chat.postMessage").find((call) => call.body.thread_ts === ts);
  expect(echo).toBeDefined();
  const text = String(echo!.body.text);
  expect(text).toContain("&lt;!channel&gt;");
  for (const control of ["<!channel>", "<@U0BOSS001>", "<script>"]) expect(text).not.toContain(control);
});

test("nobody publishes under someone else's name: the submitter's own link decides, whoever claimed the card", async () => {
  const ts = await routedCard(app);
  await linkedEmployee(app);
  await app.interaction(buttonClick("advocate_claim", ts));
  await app.drain();
  // A colleague with no linked account submits an answer on that card: asked to link, nothing queued or posted.
  await app.interaction(answerSubmission("Een antwoord van iemand anders.", ts, { user: "UOTHER001", viewId: "V0OTHER01" }));
  await app.drain();
  expect(slack.blocksText(slack.of("chat.postMessage").find((call) => call.body.channel === "UOTHER001")!)).toContain("/advocate link");
  expect(await app.db.prisma.answer.count()).toBe(0);
  // Linked to their own account, they publish as themselves, never as the claimer.
  await linkedEmployee(app, "UOTHER001", "bram.jansen");
  const asBram = nock(DISCOURSE_URL, { reqheaders: { "Api-Username": "bram.jansen" } })
    .post("/posts.json")
    .reply(200, fixture("discourse/create_post_response.json"));
  await app.interaction(answerSubmission("Een antwoord van Bram, met genoeg tekst.", ts, { user: "UOTHER001", viewId: "V0OTHER02" }));
  await app.drain();
  expect(asBram.isDone()).toBe(true);
  expect(await app.db.prisma.answer.findMany({ select: { postedAs: true } })).toEqual([{ postedAs: "bram.jansen" }]);
});

test("replaying someone else's form submission does not borrow their answer", async () => {
  const ts = await routedCard(app);
  await linkedEmployee(app);
  nock(DISCOURSE_URL).post("/posts.json").reply(200, fixture("discourse/create_post_response.json"));
  await app.interaction(answerSubmission("Sanne's eigen antwoord, lang genoeg.", ts, { viewId: "V0SANNE01" }));
  await linkedEmployee(app, "UOTHER001", "bram.jansen");
  await app.interaction(answerSubmission("Bram probeert het formulier van Sanne.", ts, { user: "UOTHER001", viewId: "V0SANNE01" }));
  await app.drain();
  expect(slack.blocksText(slack.of("chat.postMessage").find((call) => call.body.channel === "UOTHER001")!)).toContain("Your answer was not sent");
  expect(await app.db.prisma.answer.findMany({ select: { postedAs: true, body: true } })).toEqual([
    { postedAs: "sanne.devries", body: "Sanne's eigen antwoord, lang genoeg." },
  ]);
});
