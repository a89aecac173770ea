// Two identities becoming one person while the outbox still holds work for each: a direct message addressed to an
// identity, an account lookup carrying the merged person's id. Drained, nothing is lost, nothing is sent twice, and
// every message reaches the chat account it was meant for.
import nock from "nock";
import { notifyEmployee } from "../../src/core/notices";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { slashCommand } from "../support/slackPayloads";
import { FakeConnector, activities, botFramework } from "../support/teams";

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

const SLACK_ELLA = "UELLA0001";
const TEAMS_ELLA = "29:ella-teams-0001";
const fromElla = { from: { id: TEAMS_ELLA, name: "Ella" } };
const noCommunityUser = (times = 1) => nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).times(times).reply(200, []);
const personOf = (surface: string, externalId: string) =>
  app.db.prisma.chatIdentity.findUniqueOrThrow({ where: { surface_externalId: { surface, externalId } } }).then((identity) => identity.employeeId);
const toSlack = (text: string) => slack.of("chat.postMessage").filter((call) => call.body.channel === SLACK_ELLA && JSON.stringify(call.body).includes(text));
const toTeams = (text: string) => teams.sentTo(`a:personal-${TEAMS_ELLA.slice(-8)}`).filter((call) => FakeConnector.text(call).includes(text));
const anywhere = (text: string) => [
  ...slack.of("chat.postMessage").filter((call) => JSON.stringify(call.body).includes(text)),
  ...teams.calls.filter((call) => call.method === "POST" && FakeConnector.text(call).includes(text)),
];

test("work queued for both identities survives their merge: each message once, to its own chat account", async () => {
  // Her Slack profile still says her old address when she first uses Advocate there.
  slack.emails.set(SLACK_ELLA, "ella.vos@voltaro.example");
  teams.memberEmails.set(TEAMS_ELLA, "ella@voltaro.example");
  // Slack first (the older person), then Teams, each email read at first contact: two persons so far.
  await app.slashCommand(slashCommand("points", SLACK_ELLA));
  noCommunityUser();
  await app.postTeams(activities.personal("link", fromElla));
  await app.drain();
  const slackPerson = await personOf("slack", SLACK_ELLA);
  const teamsPerson = await personOf("teams", TEAMS_ELLA);
  expect(slackPerson).not.toBe(teamsPerson);
  const notFoundBefore = toTeams("Geen community-account gebruikt ella@voltaro.example").length;
  expect(notFoundBefore).toBe(1);

  // Her Slack profile now says her work email, which her next lookup reads.
  slack.emails.set(SLACK_ELLA, "ella@voltaro.example");
  // Queued, not yet run: a lookup for each person (the Slack one will merge them), a direct message to each identity.
  await app.slashCommand(slashCommand("link", SLACK_ELLA));
  await app.postTeams(activities.personal("link", fromElla));
  const options = { defaultLocale: "nl" };
  const slackElla = await app.deps.store.employees.byId(slackPerson);
  const teamsElla = await app.deps.store.employees.byId(teamsPerson);
  await notifyEmployee(app.deps.store, slackElla!, { type: "link_not_found", email: "queued-for-slack@voltaro.example" }, options);
  await notifyEmployee(app.deps.store, teamsElla!, { type: "link_not_found", email: "queued-for-teams@voltaro.example" }, options);
  const lookups = await app.db.prisma.outboxItem.findMany({ where: { kind: "account.lookup", status: "pending" } });
  expect(lookups.map((item) => (item.payload as { employeeId: string }).employeeId).sort()).toEqual([slackPerson, teamsPerson].sort());

  noCommunityUser(2);
  await app.drain();

  // One person now, the older.
  expect(await personOf("teams", TEAMS_ELLA)).toBe(slackPerson);
  expect(await app.db.prisma.employee.count({ where: { id: teamsPerson } })).toBe(0);
  // Every item done; none failed or left waiting.
  expect(await app.db.prisma.outboxItem.groupBy({ by: ["status"], _count: true })).toEqual([{ status: "done", _count: expect.any(Number) }]);

  // Each queued message reached its own identity, once, and nowhere else.
  expect(toSlack("queued-for-slack@voltaro.example")).toHaveLength(1);
  expect(anywhere("queued-for-slack@voltaro.example")).toHaveLength(1);
  expect(toTeams("queued-for-teams@voltaro.example")).toHaveLength(1);
  expect(anywhere("queued-for-teams@voltaro.example")).toHaveLength(1);
  // Each lookup answered where it was asked, the Teams one under the person it was merged into.
  expect(toSlack("Geen community-account gebruikt ella@voltaro.example")).toHaveLength(1);
  expect(toTeams("Geen community-account gebruikt ella@voltaro.example")).toHaveLength(notFoundBefore + 1);
  expect(anywhere("Geen community-account gebruikt ella@voltaro.example")).toHaveLength(notFoundBefore + 2);
  // The merge told once on each surface.
  expect(toSlack("één persoon")).toHaveLength(1);
  expect(toTeams("één persoon")).toHaveLength(1);
  expect(await app.db.prisma.employeeMerge.count()).toBe(1);
});
