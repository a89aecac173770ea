// The same complaint from five customers in a week reaches the product channel once, with the links.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { slashCommand } from "../support/slackPayloads";
import { askTopic } from "../support/scenario";
import { aiEnv, classificationText, embeddings, modelAnswers } from "../support/openAi";

const PRODUCT = "C0PRODUCT1";
const ADMIN = "UADMIN001";
let app: TestApp;
let slack: FakeSlack;

beforeEach(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  captureResponseUrls();
  await app.slashCommand(slashCommand("route fallback", ADMIN));
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

const ask = (topicId: number, title: string) => askTopic(app, topicId, title, { postedAt: new Date() });

const alerts = () =>
  slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === PRODUCT)
    .map((call) => slack.blocksText(call));

test("five customers, one problem: one alert with the links; the sixth adds no second alert; other topics stay apart", async () => {
  const reply = (await (await app.slashCommand(slashCommand(`route problems <#${PRODUCT}|product>`, ADMIN))).json()) as { text: string };
  expect(reply.text).toContain("5 customers");
  const titles = [
    "Factuur dubbel afgeschreven na overstap",
    "Dubbel afgeschreven na overstap jaarabonnement",
    "Overstap: factuur dubbel?",
    "Factuur na overstap klopt niet",
  ];
  for (const [i, title] of titles.entries()) await ask(5001 + i, title);
  await ask(5101, "Hoe koppel ik de app aan mijn slimme meter?");
  expect(alerts()).toEqual([]);

  await ask(5005, "Factuur dubbel na overstap, wat nu?");
  expect(alerts()).toHaveLength(1);
  expect(alerts()[0]).toContain("5 customers asked about “factuur dubbel overstap” this week:");
  expect(alerts()[0]).toContain("topic-5001");
  expect(alerts()[0]).toContain("topic-5005");
  expect(alerts()[0]).not.toContain("slimme meter");

  await ask(5006, "Weer dubbel afgeschreven na overstap");
  expect(alerts()).toHaveLength(1);
  expect(await app.db.prisma.problemGroup.count()).toBe(2);
});

test("without a problems channel nothing is posted, and the groups are still kept", async () => {
  for (let i = 0; i < 5; i++) await ask(6001 + i, `Factuur dubbel afgeschreven na overstap (${i + 1})`);
  expect(slack.of("chat.postMessage").filter((call) => !call.body.metadata)).toEqual([]);
  expect(await app.db.prisma.question.count({ where: { problemGroupId: { not: null } } })).toBe(5);
});

describe("with AI on", () => {
  let ai: TestApp;
  beforeEach(async () => {
    await app.stop();
    // The same stand-in Slack as the other tests (set up above), an app with AI in place of theirs.
    ai = app = await startTestApp({ env: aiEnv });
    await ai.slashCommand(slashCommand("route fallback", ADMIN));
    await ai.slashCommand(slashCommand(`route problems <#${PRODUCT}|product>`, ADMIN));
  });

  test("posts are grouped by meaning: five ways of saying 'charged twice' make one alert, though they share no words", async () => {
    const inputs: string[] = [];
    // The stand-in model: posts about being charged twice point one way, anything else another.
    embeddings((text) => (/dubbel|twee keer|incasso|afboeking|rekening/i.test(text) ? [0.9, 0.1, 0.05] : [0.05, 0.2, 0.95]), inputs);
    const complaint = () => modelAnswers(classificationText({ kind: "complaint", target: null, confidence: 0.2 }));
    const titles = [
      "Rekening twee keer betaald",
      "Geld dubbel van mijn bank gehaald",
      "Deze maand twee incasso's",
      "Dubbele afboeking gezien",
      "Waarom staat er tweemaal een rekening?",
    ];
    for (const [i, title] of titles.entries()) {
      complaint();
      await askTopic(ai, 7001 + i, title, { postedAt: new Date(), body: "Bel me op 06-12345678 alsjeblieft." });
      if (i === 1) {
        complaint();
        await askTopic(ai, 7101, "Hoe koppel ik de slimme meter?", { postedAt: new Date() });
      }
    }
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toContain("5 customers asked about");
    for (const topic of ["topic-7001", "topic-7005"]) expect(alerts()[0]).toContain(topic);
    expect(alerts()[0]).not.toContain("slimme meter");
    expect(await ai.db.prisma.problemGroup.count()).toBe(2);
    // What went to the embedding model was redacted, and each call is counted.
    expect(inputs.join("\n")).not.toContain("06-12345678");
    expect(await ai.db.prisma.aiCall.count({ where: { purpose: "embed", outcome: "ok" } })).toBe(6);
  });
});
