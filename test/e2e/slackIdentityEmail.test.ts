// A Slack identity's verified email is learnt at first contact (a command, a button, a form, the App Home) from
// users.info, so that someone already known on Teams by that email is one person without `link`, as Teams does
// for someone known on Slack (test/e2e/teams/identityEmail.test.ts). Read once; nobody is added for its sake, and
// someone who has just been forgotten is not added back.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { openHome } from "../support/slackHome";
import { PRIYA, slashCommand } from "../support/slackPayloads";
import { FakeConnector, SANNE, botFramework } from "../support/teams";

// The fixture's users.info profile (Priya's Slack account) says this email.
const SANNE_EMAIL = "sanne.devries@voltaro.example";
const ANA = "UANA00001";

let app: TestApp;
let slack: FakeSlack;

beforeEach(async () => {
  app = await startTestApp();
  botFramework();
  new FakeConnector().listen();
  slack = new FakeSlack().listen();
  // Sanne is known on Teams, her work email verified there (her Teams member lookup), with points earned there.
  const onTeams = await app.deps.store.employees.ensure("teams", SANNE, "Sanne de Vries");
  await app.deps.store.employees.recordIdentityEmail("teams", SANNE, SANNE_EMAIL, new Date());
  await app.deps.store.ledger.award({ employeeId: onTeams.id, points: 30, reason: "answer_published", sourceKey: "teams:1", occurredAt: new Date() });
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

const personOf = async (surface: string, externalId: string) =>
  (await app.db.prisma.chatIdentity.findUnique({ where: { surface_externalId: { surface, externalId } } }))?.employeeId ?? null;
const lookups = (user: string) => slack.of("users.info").filter((call) => call.body.user === user);
const slash = async (text: string, user = PRIYA) => JSON.stringify(await (await app.slashCommand(slashCommand(text, user))).json());

test("first contact on Slack: the member's email is read once and joins her Teams person, without `link`; a colleague stays himself", async () => {
  expect(await slash("points")).toContain("*0*");
  await app.drain();
  expect(lookups(PRIYA)).toHaveLength(1);
  expect(await personOf("slack", PRIYA)).toBe(await personOf("teams", SANNE));
  expect(await slash("points")).toContain("*30*");
  // Known now: no further lookups.
  await app.drain();
  expect(lookups(PRIYA)).toHaveLength(1);

  slack.emails.set(ANA, "ana@voltaro.example");
  await slash("points", ANA);
  await app.drain();
  expect(lookups(ANA)).toHaveLength(1);
  expect(await personOf("slack", ANA)).not.toBe(await personOf("teams", SANNE));
  expect((await app.db.prisma.chatIdentity.findFirstOrThrow({ where: { externalId: ANA } })).email).toBe("ana@voltaro.example");
});

test("opening the App Home is a first contact too", async () => {
  await openHome(app, slack, PRIYA);
  await app.drain();
  expect(lookups(PRIYA)).toHaveLength(1);
  expect(await personOf("slack", PRIYA)).toBe(await personOf("teams", SANNE));
});

test("`forget me confirm` is not undone: the forgotten member's profile is not read, and nobody is added back", async () => {
  slack.emails.set(ANA, "ana@voltaro.example");
  await slash("points", ANA);
  await app.drain();
  expect(lookups(ANA)).toHaveLength(1);
  expect(await slash("forget me confirm", ANA)).toContain("Advocate has forgotten you");
  await app.drain();
  expect(lookups(ANA)).toHaveLength(1);
  expect(await personOf("slack", ANA)).toBeNull();
  expect(await app.db.prisma.employee.count({ where: { externalId: ANA } })).toBe(0);
});
