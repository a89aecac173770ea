// Admins and HR named by work email in the settings: whoever's chat profile verified that email may act, on Slack and
// on Teams alike; an identity whose email is not read yet, or whose email is another, may not.
import nock from "nock";
import { DISCOURSE_URL, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { slashCommand } from "../support/slackPayloads";
import { FakeConnector, activities, botFramework } from "../support/teams";

let app: TestApp;
let slack: FakeSlack;
let teams: FakeConnector;

beforeAll(async () => {
  app = await startTestApp({ env: { ADVOCATE_ADMIN_IDS: "UADMIN001,Admin@Voltaro.example", ADVOCATE_HR_IDS: "UHR000001,hr@voltaro.example" } });
  botFramework();
  slack = new FakeSlack().listen();
  teams = new FakeConnector().listen();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const ADMIN_REFUSAL = /Only Advocate admins|Alleen Advocate-beheerders/;
const HR_REFUSAL = /reports are for HR|rapporten zijn alleen voor HR/;
const slackSays = async (text: string, user: string) => JSON.stringify(await (await app.slashCommand(slashCommand(text, user))).json());
const teamsSays = async (text: string, id: string) => {
  const chat = `a:personal-${id.slice(-8)}`;
  const before = teams.sentTo(chat).length;
  expect((await app.postTeams(activities.personal(text, { from: { id, name: id } }))).status).toBe(200);
  return JSON.stringify(
    teams
      .sentTo(chat)
      .slice(before)
      .map((call) => call.body),
  );
};
/** Linking reads the chat profile, and so verifies its email; nobody here has a community account. */
const verify = async (surface: "slack" | "teams", id: string) => {
  nock(DISCOURSE_URL).get("/admin/users/list/active.json").query(true).reply(200, []);
  if (surface === "slack") await app.slashCommand(slashCommand("link", id));
  else await app.postTeams(activities.personal("link", { from: { id, name: id } }));
  await app.drain();
};

test("ADVOCATE_ADMIN_IDS with an email: the person whose profile verified it runs admin commands on Slack and Teams", async () => {
  const SLACK_ADMIN = "UADMINMAIL";
  const TEAMS_ADMIN = "29:admin-by-email-01";
  const SLACK_OTHER = "UOTHER001";
  const TEAMS_OTHER = "29:other-by-email-01";
  slack.emails.set(SLACK_ADMIN, "admin@voltaro.example");
  teams.memberEmails.set(TEAMS_ADMIN, "admin@voltaro.example");
  slack.emails.set(SLACK_OTHER, "other@voltaro.example");
  teams.memberEmails.set(TEAMS_OTHER, "other@voltaro.example");

  // Not read yet: the chat id alone is not in the list.
  expect(await slackSays("route list", SLACK_ADMIN)).toMatch(ADMIN_REFUSAL);
  expect(await teamsSays("charity budget 2500", TEAMS_ADMIN)).toMatch(ADMIN_REFUSAL);

  for (const [surface, id] of [
    ["slack", SLACK_ADMIN],
    ["teams", TEAMS_ADMIN],
    ["slack", SLACK_OTHER],
    ["teams", TEAMS_OTHER],
  ] as const)
    await verify(surface, id);

  expect(await slackSays("route list", SLACK_ADMIN)).toContain("Routeringsregels");
  expect(await teamsSays("charity budget 2500", TEAMS_ADMIN)).toContain("€\u00a02.500,00");

  // Someone else with a verified email of their own is refused, on both surfaces.
  expect(await slackSays("route list", SLACK_OTHER)).toMatch(ADMIN_REFUSAL);
  expect(await teamsSays("charity budget 1", TEAMS_OTHER)).toMatch(ADMIN_REFUSAL);
});

test("ADVOCATE_HR_IDS with an email: that person sees `report` on Slack and Teams, audited; someone else is refused", async () => {
  const SLACK_HR = "UHRMAIL01";
  const TEAMS_HR = "29:hr-by-email-0001";
  const SLACK_OTHER = "UOTHER002";
  slack.emails.set(SLACK_HR, "hr@voltaro.example");
  teams.memberEmails.set(TEAMS_HR, "HR@voltaro.example");
  slack.emails.set(SLACK_OTHER, "someone@voltaro.example");

  expect(await slackSays("report week", SLACK_HR)).toMatch(HR_REFUSAL);
  for (const [surface, id] of [
    ["slack", SLACK_HR],
    ["teams", TEAMS_HR],
    ["slack", SLACK_OTHER],
  ] as const)
    await verify(surface, id);

  expect(await slackSays("report week", SLACK_HR)).toContain("Deelnamerapport · week · hele bedrijf");
  const card = await teamsSays("report quarter", TEAMS_HR);
  expect(card).toContain("AdaptiveCard");
  expect(card).toContain("Deelnamerapport · quarter · hele bedrijf");
  expect(card).not.toMatch(HR_REFUSAL);
  expect(await slackSays("report week", SLACK_OTHER)).toMatch(HR_REFUSAL);
  expect(
    await app.db.prisma.reportAudit.findMany({
      where: { userId: { in: [SLACK_HR, TEAMS_HR, SLACK_OTHER] } },
      select: { userId: true, allowed: true },
      orderBy: { id: "asc" },
    }),
  ).toEqual([
    { userId: SLACK_HR, allowed: false },
    { userId: SLACK_HR, allowed: true },
    { userId: TEAMS_HR, allowed: true },
    { userId: SLACK_OTHER, allowed: false },
  ]);
});
