// A person, not an account: the same verified work email on Slack and Teams is one person (one total, one
// leaderboard row, one link); different emails, an unknown email or a failed lookup never merge anyone.
import nock from "nock";
import { fixture } from "../support/fixtures";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, buttonClick, slashCommand } from "../support/slackPayloads";
import { FakeConnector, SANNE, activities, botFramework } from "../support/teams";

let app: TestApp;
let slack: FakeSlack;
let teams: FakeConnector;

beforeAll(async () => {
  app = await startTestApp();
  botFramework();
  slack = new FakeSlack().listen();
  teams = new FakeConnector().listen();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const communityAccount = () => nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).reply(200, fixture("discourse/users_by_email.json"));
const earn = async (surface: string, userId: string, points: number, key: string) => {
  const employee = await app.deps.store.employees.ensure(surface, userId);
  await app.deps.store.ledger.award({ employeeId: employee.id, points, reason: "answer_published", sourceKey: key, occurredAt: new Date() });
};
const personOf = (surface: string, externalId: string) =>
  app.db.prisma.chatIdentity.findUniqueOrThrow({ where: { surface_externalId: { surface, externalId } } }).then((identity) => identity.employeeId);

test("one person on Slack and Teams: earns on each, links once, one leaderboard row with the sum, counted once", async () => {
  await earn("slack", PRIYA, 10, "one:slack");
  await app.postTeams(activities.personal("points"));
  await earn("teams", SANNE, 15, "one:teams");
  expect(await personOf("slack", PRIYA)).not.toBe(await personOf("teams", SANNE));

  communityAccount();
  await app.slashCommand(slashCommand("link"));
  await app.drain();
  await app.interaction(buttonClick("advocate_link_accept", "1.0", { value: "sanne.devries" }));
  const slackPerson = await personOf("slack", PRIYA);

  // Teams says the same work email: the Teams identity joins the (older) Slack person, already linked.
  await app.postTeams(activities.personal("link"));
  await app.drain();
  expect(await personOf("teams", SANNE)).toBe(slackPerson);
  expect(await app.db.prisma.employee.count({ where: { OR: [{ externalId: PRIYA }, { externalId: SANNE }] } })).toBe(1);
  const person = await app.db.prisma.employee.findUniqueOrThrow({ where: { id: slackPerson } });
  expect(person.communityUsername).toBe("sanne.devries");
  expect(await app.db.prisma.employeeMerge.count({ where: { survivorId: slackPerson } })).toBe(1);

  const board = await app.deps.store.ledger.leaderboard("all", 10);
  expect(board.filter((row) => row.employeeId === slackPerson)).toEqual([expect.objectContaining({ points: 25 })]);
  expect(board).toHaveLength(1);
  const month = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
  expect(await app.deps.store.reports.advocates(month, null)).toHaveLength(1);
  // Told on both surfaces, and only once each.
  const told = slack.of("chat.postMessage").filter((call) => JSON.stringify(call.body).includes("één persoon"));
  expect(told).toHaveLength(1);
  expect(teams.sentTo("a:personal").filter((call) => JSON.stringify(call.body).includes("één persoon"))).toHaveLength(1);

  // Linking again on Teams: the person is linked already, nothing more is merged or offered.
  await app.postTeams(activities.personal("link"));
  await app.drain();
  expect(await app.db.prisma.employeeMerge.count()).toBe(1);
});

test("different verified emails never merge; a failed Teams lookup is retried, never guessed", async () => {
  const ANA = "UANA00001";
  const TEAMS_BOB = "29:bob";
  slack.emails.set(ANA, "ana@voltaro.example");
  teams.memberEmails.set(TEAMS_BOB, "bob@voltaro.example");
  await earn("slack", ANA, 5, "two:ana");
  await app.postTeams(activities.personal("points", { from: { id: TEAMS_BOB, name: "Bob" } }));
  nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).times(2).reply(200, []);
  await app.slashCommand(slashCommand("link", ANA));
  await app.postTeams(activities.personal("link", { from: { id: TEAMS_BOB, name: "Bob" } }));
  await app.drain();
  expect(await personOf("slack", ANA)).not.toBe(await personOf("teams", TEAMS_BOB));
  expect((await app.db.prisma.chatIdentity.findUniqueOrThrow({ where: { surface_externalId: { surface: "teams", externalId: TEAMS_BOB } } })).email).toBe(
    "bob@voltaro.example",
  );

  // Someone on Teams whose member lookup fails: no email, no merge, and the lookup is tried again.
  const TEAMS_ANA = "29:ana";
  teams.memberEmails.set(TEAMS_ANA, "ana@voltaro.example");
  teams.fail(/GET .*members\/29:ana/, 500);
  nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).reply(200, []);
  await app.postTeams(activities.personal("link", { from: { id: TEAMS_ANA, name: "Ana" } }));
  expect(await personOf("teams", TEAMS_ANA)).not.toBe(await personOf("slack", ANA));
  await app.drain();
  // The failed member lookup was tried again; only the email it then read merged the two.
  const lookups = await app.db.prisma.outboxItem.findMany({ where: { kind: "account.lookup" } });
  expect(lookups.find((item) => (item.payload as { userId?: string }).userId === TEAMS_ANA)).toMatchObject({ status: "done" });
  expect(await personOf("teams", TEAMS_ANA)).toBe(await personOf("slack", ANA));
  expect(await personOf("teams", TEAMS_BOB)).not.toBe(await personOf("slack", ANA));
});
