// Follow a topic and hear of each new question about it; cards name the colleagues whose answers to similar
// questions were accepted.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { CHANNEL, PRIYA, slashCommand } from "../support/slackPayloads";
import { askTopic } from "../support/scenario";

let app: TestApp;
let slack: FakeSlack;

beforeEach(async () => {
  app = await startTestApp();
  slack = new FakeSlack().listen();
  captureResponseUrls();
  await app.slashCommand(slashCommand("route fallback", "UADMIN001"));
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

const ask = (topicId: number, title: string, tags: string[] = []) => askTopic(app, topicId, title, { tags, body: "Kunnen jullie hiernaar kijken?" });

const command = async (text: string, user = PRIYA) => ((await (await app.slashCommand(slashCommand(text, user))).json()) as { text: string }).text;
const dms = (user: string) =>
  slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === user)
    .map((call) => slack.blocksText(call));

test("follow a topic, get a DM for each new question about it; unfollow, and they stop", async () => {
  expect(await command("follow facturen")).toContain("You follow facturen");
  expect(await command("follow")).toContain("You follow: facturen");
  await ask(7001, "Waar vind ik mijn facturen van vorig jaar?");
  await ask(7002, "Hoe koppel ik de app aan mijn meter?");
  await ask(7003, "Vraag over de incasso", ["facturen"]);
  expect(dms(PRIYA)).toEqual([expect.stringContaining("A new question about facturen, which you follow"), expect.stringContaining("Vraag over de incasso")]);
  expect(dms(PRIYA)[0]).toContain("Waar vind ik mijn facturen");

  expect(await command("unfollow facturen")).toContain("You no longer follow facturen");
  await ask(7004, "Facturen kloppen niet");
  expect(dms(PRIYA)).toHaveLength(2);
  expect(await command("follow !!")).toContain("is not a topic");
});

test("a card names the colleagues whose answers to similar questions were accepted", async () => {
  const store = app.deps.store;
  const sanne = await store.employees.update((await store.employees.ensure("slack", "U0SANNE01", "Sanne")).id, { communityUsername: "sanne.devries" });
  const earlier = await store.questions.upsert("discourse", 6900, {
    title: "Factuur dubbel afgeschreven na overstap",
    url: "https://community.voltaro.example/t/6900",
    postedAt: new Date(Date.now() - 20 * 86_400_000),
  });
  const answer = await store.answers.create({
    questionId: earlier.id,
    employeeId: sanne.id,
    cardId: null,
    submissionKey: "seed:1",
    body: "Dat corrigeren we.",
    postedAs: "sanne.devries",
  });
  await store.answers.update(answer.id, { status: "published", acceptedAt: new Date(Date.now() - 19 * 86_400_000) });

  await ask(7101, "Na overstap dubbel afgeschreven, factuur klopt niet");
  await ask(7102, "Hoe koppel ik de app aan mijn meter?");
  const cards = slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === CHANNEL || call.body.metadata)
    .map((call) => slack.blocksText(call));
  expect(cards.find((text) => text.includes("Na overstap dubbel"))).toContain("Answered similar questions well: Sanne");
  expect(cards.find((text) => text.includes("koppel ik de app"))).not.toContain("Answered similar questions well");
});
