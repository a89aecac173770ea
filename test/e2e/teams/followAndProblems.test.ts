// Follow and recurring problems through Teams, as on Slack: `follow facturen` in the personal chat brings each new
// question about it there; `route problems #Facturatie` makes that channel hear once when five customers ask the
// same thing in a week.
import nock from "nock";
import { startTestApp, type TestApp } from "../../support/testApp";
import { FakeSlack } from "../../support/slackApi";
import { askTopic } from "../../support/scenario";
import { ADMIN_AAD, FakeConnector, SANNE, activities, botFramework } from "../../support/teams";

const BILLING = "19:billing@thread.tacv2";
const admin = { from: { id: "29:1Pz7Wq2LcV8nMx4RkT6yHbJ3gF9dS5aE0uIo1QwErT_zXcVb7NmLk2JhGf4DsA", name: "Admin", aadObjectId: ADMIN_AAD } };

let app: TestApp;
let connector: FakeConnector;

beforeEach(async () => {
  app = await startTestApp();
  botFramework();
  connector = new FakeConnector().listen();
  new FakeSlack().listen();
  await app.postTeams(activities.botAdded());
  await app.postTeams(activities.message("route fallback", admin));
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

const personalChat = `a:personal-${SANNE.slice(-8)}`;
/** What Advocate said in Sanne's personal chat, newest last. */
const toSanne = () => connector.sentTo(personalChat).map((call) => FakeConnector.text(call));
const ask = (topicId: number, title: string, tags: string[] = []) =>
  askTopic(app, topicId, title, { tags, body: "Kunnen jullie hiernaar kijken?", postedAt: new Date() });

test("`follow facturen` in the personal chat: each new question about it comes there; `unfollow` stops them", async () => {
  await app.postTeams(activities.personal("follow facturen"));
  expect(toSanne().at(-1)).toContain("Je volgt facturen");
  await ask(7001, "Waar vind ik mijn facturen van vorig jaar?");
  await ask(7002, "Hoe koppel ik de app aan mijn meter?");
  await ask(7003, "Vraag over de incasso", ["facturen"]);
  const notices = toSanne().slice(1);
  expect(notices).toEqual([expect.stringContaining("Een nieuwe vraag over facturen, dat je volgt"), expect.stringContaining("Vraag over de incasso")]);
  expect(notices[0]).toContain("Waar vind ik mijn facturen");

  await app.postTeams(activities.personal("unfollow facturen"));
  expect(toSanne().at(-1)).toContain("Je volgt facturen niet meer");
  const before = toSanne().length;
  await ask(7004, "Nog een vraag over facturen");
  expect(toSanne()).toHaveLength(before);
});

test("`route problems #Facturatie`: five customers, one problem, one alert in that channel with the links", async () => {
  await app.postTeams(activities.message("route problems #Facturatie", admin));
  expect(FakeConnector.text(connector.sentTo("19:a8f24c61d3b94e7f9a0b5c2d1e3f4a5b@thread.tacv2").at(-1))).toContain("#Facturatie");
  const alerts = () => connector.channelPosts(BILLING).map((call) => FakeConnector.text(call));
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
  expect(alerts()[0]).toContain("factuur dubbel overstap");
  expect(alerts()[0]).toContain("topic-5001");
  expect(alerts()[0]).toContain("topic-5005");
  expect(alerts()[0]).not.toContain("slimme meter");
  await ask(5006, "Weer dubbel afgeschreven na overstap");
  expect(alerts()).toHaveLength(1);
});
