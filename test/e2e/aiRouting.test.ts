// AI routing through the real app: the model's choice routes the card when it is sure, and every way it can go
// wrong (slow, not JSON, off the admin's lists, unsure, over budget, switched off) ends with rules routing the
// card and the card saying so. What goes to the model is redacted; every call's tokens are recorded.
import nock from "nock";
import pino from "pino";
import { fixture } from "../support/fixtures";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { CHANNEL, slashCommand } from "../support/slackPayloads";
import { aiEnv, classificationText, modelAnswers, type ModelRequest } from "../support/openAi";

const BILLING = "C07BILLING1";
const ADMIN = "UADMIN001";

let app: TestApp;
let slack: FakeSlack;
let logs: Array<Record<string, unknown>>;
let billingRule: number;

async function start(env: Record<string, string> = {}): Promise<void> {
  logs = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  app = await startTestApp({ env: { ...aiEnv, ...env }, logger });
  slack = new FakeSlack().listen();
  captureResponseUrls();
  // Rules alone send the fixture topic (tag facturatie) to CHANNEL; the billing channel needs a word it lacks.
  await app.deps.store.rules.add({
    priority: 10,
    target: { surface: "slack", channelId: CHANNEL },
    categories: [],
    tags: ["facturatie"],
    keywords: [],
    languages: [],
    createdBy: "test",
  });
  billingRule = (
    await app.deps.store.rules.add({
      priority: 20,
      target: { surface: "slack", channelId: BILLING },
      categories: [],
      tags: [],
      keywords: ["creditnota"],
      languages: [],
      createdBy: "test",
    })
  ).rule.id;
}

afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

/** The fixture topic, with a customer who left her e-mail address and phone number in the post. */
async function newTopic(): Promise<void> {
  const post = fixture<Record<string, any>>("discourse/post_created_first_post.json");
  post.post.raw += "\n\nMail me: marieke.vdberg@example.nl of bel 06-12345678.";
  post.post.cooked += "<p>Mail me: marieke.vdberg@example.nl of bel 06-12345678.</p>";
  await app.postDiscourse("topic_created", fixture("discourse/topic_created.json"));
  await app.postDiscourse("post_created", post);
  await app.drain();
}

function cardIn(channel: string): string {
  const card = slack.of("chat.postMessage").find((call) => call.body.channel === channel && call.body.metadata);
  if (!card)
    throw new Error(
      `no card in ${channel}; cards went to ${slack
        .of("chat.postMessage")
        .map((call) => String(call.body.channel))
        .join(", ")}`,
    );
  return slack.blocksText(card);
}

async function aiCalls() {
  return app.db.prisma.aiCall.findMany({ where: { purpose: "classify" }, orderBy: { id: "asc" } });
}

test("a confident model routes the card where rules would not, with its summary; nothing personal left the company", async () => {
  await start();
  const requests: ModelRequest[] = [];
  const model = modelAnswers(classificationText({ target: `rule:${billingRule}` }), { requests });
  await newTopic();

  expect(model.isDone()).toBe(true);
  const card = cardIn(BILLING);
  expect(card).toContain("In short: Charged twice after switching to a yearly plan.");
  expect(card).toContain("Routed by AI (86 % sure)");
  expect(slack.of("chat.postMessage").some((call) => call.body.channel === CHANNEL)).toBe(false);

  const sent = JSON.stringify(requests[0]?.messages);
  expect(sent).toContain("jaarabonnement");
  expect(sent).not.toContain("marieke.vdberg@example.nl");
  expect(sent).not.toContain("06-12345678");
  expect(sent).toContain("[e-mail]");
  expect(requests[0]?.response_format.json_schema.strict).toBe(true);
  expect(requests[0]?.response_format.json_schema.schema.properties.topics.items.enum).toEqual(["billing", "delivery", "app", "contract"]);

  const question = await app.db.prisma.question.findFirstOrThrow();
  expect(question).toMatchObject({ kind: "complaint", topics: ["billing"], urgency: "high", sentiment: "negative", aiOutcome: "ai", aiConfidence: 0.86 });
  expect(await aiCalls()).toEqual([expect.objectContaining({ purpose: "classify", promptTokens: 612, completionTokens: 87, outcome: "ok" })]);
});

test.each([
  [
    "too slow (past AI_TIMEOUT_MS)",
    () => modelAnswers(classificationText(), { delayMs: 3000 }),
    "the AI did not answer in time",
    "error",
    "AI classification failed",
  ],
  ["not JSON", () => modelAnswers("I think this is a billing complaint."), "the AI gave an unusable answer", "invalid", "AI answer rejected"],
  [
    "off the admin's topic list",
    () => modelAnswers(classificationText({ topics: ["weather"] })),
    "the AI gave an unusable answer",
    "invalid",
    "AI answer rejected",
  ],
])("a model answer that is %s: rules route it, the card says so, and it is logged", async (_name, answer, cardSays, outcome, logged) => {
  await start();
  answer();
  await newTopic();
  expect(cardIn(CHANNEL)).toContain(`Routed by rules: ${cardSays}`);
  expect((await aiCalls()).map((call) => call.outcome)).toEqual([outcome]);
  expect(logs.some((line) => line.msg === `${logged}; rules route the question` && line.level === 40)).toBe(true);
  expect(JSON.stringify(logs)).not.toContain(aiEnv.OPENAI_API_KEY);
});

test("below the confidence threshold rules route it, and the card keeps the summary", async () => {
  await start();
  modelAnswers(classificationText({ target: `rule:${billingRule}`, confidence: 0.41 }));
  await newTopic();
  const card = cardIn(CHANNEL);
  expect(card).toContain("Routed by rules: the AI was not sure enough (41 %)");
  expect(card).toContain("In short: Charged twice");
  expect((await aiCalls()).map((call) => call.outcome)).toEqual(["unsure"]);
});

test("past today's token budget nothing goes to the model, rules route, and each known admin is told once", async () => {
  await start({ AI_DAILY_TOKEN_BUDGET: "1000" });
  await app.deps.store.employees.ensure("slack", ADMIN, "Dana");
  await app.deps.store.ai.record({ community: "discourse", purpose: "classify", promptTokens: 900, completionTokens: 150, outcome: "ok", at: new Date() });
  const model = modelAnswers(classificationText());
  await newTopic();
  expect(model.isDone()).toBe(false);
  expect(cardIn(CHANNEL)).toContain("Routed by rules: today's AI budget is used up");
  const told = slack.of("chat.postMessage").filter((call) => call.body.channel === ADMIN);
  expect(told.map((call) => String(call.body.text))).toEqual([expect.stringContaining("AI budget (1000 tokens) is used up")]);
});

test("an admin switches AI off and on for the community; others may not", async () => {
  await start();
  expect(await (await app.slashCommand(slashCommand("ai off"))).json()).toMatchObject({ text: expect.stringContaining("admin") });
  const off = await (await app.slashCommand(slashCommand("ai off", ADMIN))).json();
  expect(off).toMatchObject({ text: expect.stringContaining("AI is off for this community") });
  const model = modelAnswers(classificationText());
  await newTopic();
  expect(model.isDone()).toBe(false);
  expect(cardIn(CHANNEL)).toContain("Routed by rules: AI is switched off");
  const on = await (await app.slashCommand(slashCommand("ai on", ADMIN))).json();
  expect(on).toMatchObject({ text: expect.stringContaining("AI is on: 0 of 200000 tokens used today") });
});
