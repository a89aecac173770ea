// Two persons becoming one when each had their own community link or charity pick: the most recent is kept, the
// other dropped, and the person is told which on every surface they use.
import nock from "nock";
import { recordVerifiedEmail } from "../../src/core/accounts/identity";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { buttonClick, slashCommand } from "../support/slackPayloads";
import { FakeConnector, TENANT, activities, botFramework } from "../support/teams";

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

const personOf = (surface: string, externalId: string) =>
  app.db.prisma.chatIdentity.findUniqueOrThrow({ where: { surface_externalId: { surface, externalId } } }).then((identity) => identity.employeeId);
/** The community has one active user with this username, found by whatever email is asked. */
const communityUser = (username: string) =>
  nock(DISCOURSE_URL)
    .get("/admin/users/list/active.json")
    .query(true)
    .reply(200, [{ id: username.length, username, name: username, email: `${username}@voltaro.example`, active: true }]);
const noCommunityUser = () => nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).reply(200, []);
const from = (id: string) => ({ from: { id, name: id } });
const personalChat = (id: string) => ({
  conversation: { conversationType: "personal", tenantId: TENANT, id: `a:personal-${id.slice(-8)}` },
  channelData: { tenant: { id: TENANT } },
});
const slackTextsTo = (user: string) =>
  slack
    .of("chat.postMessage")
    .filter((call) => call.body.channel === user)
    .map((call) => JSON.stringify(call.body));
const teamsTextsTo = (id: string) => teams.sentTo(`a:personal-${id.slice(-8)}`).map((call) => FakeConnector.text(call));

test("two charity picks: the most recent is kept, the other dropped, and both surfaces are told", async () => {
  const SLACK_CARL = "UCARL0001";
  const TEAMS_CARL = "29:carl-teams-0001";
  slack.emails.set(SLACK_CARL, "carl@voltaro.example");
  teams.memberEmails.set(TEAMS_CARL, "carl@voltaro.example");
  await app.slashCommand(slashCommand("charity add KWF https://www.kwf.nl", "UADMIN001"));
  await app.slashCommand(slashCommand("charity add Oxfam Novib https://www.oxfamnovib.nl", "UADMIN001"));

  // Slack first picks KWF, then on Teams (later) Oxfam Novib: two persons, two picks.
  await app.interaction(buttonClick("advocate_charity_pick:1", "1763633650.001900", { value: "1", user: SLACK_CARL }));
  await app.postTeams(activities.personal("points", from(TEAMS_CARL)));
  const picked = await app.postTeams(activities.cardAction("advocate.charity.pick", { charityId: 2 }, { ...from(TEAMS_CARL), ...personalChat(TEAMS_CARL) }));
  expect(picked.status).toBe(200);
  expect(await app.db.prisma.charityPick.count()).toBe(2);

  // Neither has a community account; linking reads each profile's email, and the second makes them one.
  noCommunityUser();
  await app.slashCommand(slashCommand("link", SLACK_CARL));
  await app.drain();
  noCommunityUser();
  await app.postTeams(activities.personal("link", from(TEAMS_CARL)));
  await app.drain();

  const person = await personOf("slack", SLACK_CARL);
  expect(await personOf("teams", TEAMS_CARL)).toBe(person);
  const [inForce] = await app.db.prisma.charityPick.findMany({ where: { employeeId: person }, orderBy: [{ pickedAt: "desc" }, { id: "desc" }] });
  expect(inForce?.charityId).toBe(2);
  const audit = await app.db.prisma.employeeMerge.findFirstOrThrow({ where: { survivorId: person } });
  expect(audit.conflicts).toEqual([{ kind: "charity", kept: "Oxfam Novib", dropped: "KWF" }]);

  const told = "Je had twee goede doelen gekozen: Oxfam Novib blijft (je laatste keuze), niet KWF.";
  expect(slackTextsTo(SLACK_CARL).filter((text) => text.includes(told))).toHaveLength(1);
  expect(teamsTextsTo(TEAMS_CARL).filter((text) => text.includes(told))).toHaveLength(1);
});

test("two community links: the most recent is kept, the older one unlinked, and both surfaces are told", async () => {
  const SLACK_DORA = "UDORA0001";
  const TEAMS_DORA = "29:dora-teams-0001";
  // Linked on Slack under an old address, then on Teams under the current one: two persons, two links.
  slack.emails.set(SLACK_DORA, "dora.old@voltaro.example");
  teams.memberEmails.set(TEAMS_DORA, "dora@voltaro.example");
  communityUser("dora.old");
  await app.slashCommand(slashCommand("link", SLACK_DORA));
  await app.drain();
  await app.interaction(buttonClick("advocate_link_accept", "1.0", { value: "dora.old", user: SLACK_DORA }));
  communityUser("dora");
  await app.postTeams(activities.personal("link", from(TEAMS_DORA)));
  await app.drain();
  const accepted = await app.postTeams(
    activities.cardAction("advocate.link.accept", { username: "dora" }, { ...from(TEAMS_DORA), ...personalChat(TEAMS_DORA) }),
  );
  expect(accepted.status).toBe(200);
  const slackPerson = await personOf("slack", SLACK_DORA);
  const teamsPerson = await personOf("teams", TEAMS_DORA);
  expect(slackPerson).not.toBe(teamsPerson);
  expect((await app.db.prisma.employee.findUniqueOrThrow({ where: { id: slackPerson } })).communityUsername).toBe("dora.old");
  expect((await app.db.prisma.employee.findUniqueOrThrow({ where: { id: teamsPerson } })).communityUsername).toBe("dora");

  // The Slack profile now says the current address. No command re-reads the profile of someone linked, so the core
  // use case every profile read goes through stands in for that read here.
  slack.emails.set(SLACK_DORA, "dora@voltaro.example");
  await recordVerifiedEmail(app.deps, { surface: "slack", externalId: SLACK_DORA }, "dora@voltaro.example");
  await app.drain();

  // The oldest person survives, with the most recent link (Teams'); the other is dropped.
  expect(await personOf("teams", TEAMS_DORA)).toBe(slackPerson);
  const person = await app.db.prisma.employee.findUniqueOrThrow({ where: { id: slackPerson } });
  expect(person.communityUsername).toBe("dora");
  expect(await app.db.prisma.employee.count({ where: { id: teamsPerson } })).toBe(0);
  expect(await app.db.prisma.employee.count({ where: { communityUsername: "dora.old" } })).toBe(0);

  const told = "Je had twee communityaccounts gekoppeld: @dora blijft (de meest recente), @dora.old is niet meer gekoppeld.";
  expect(slackTextsTo(SLACK_DORA).filter((text) => text.includes(told))).toHaveLength(1);
  expect(teamsTextsTo(TEAMS_DORA).filter((text) => text.includes(told))).toHaveLength(1);
  expect(teamsTextsTo(TEAMS_DORA).filter((text) => text.includes("Je antwoorden worden gepubliceerd als @dora."))).toHaveLength(1);
});
