// Every command verb against every role, on Slack and on Teams, through real signed requests: the policy table
// (src/core/policy/policy.ts) says who may, and this walks all of it. A verb the dispatcher knows but the table
// does not, or a row this test has no request for, fails here.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, slashCommand } from "../support/slackPayloads";
import { ADMIN_AAD, FakeConnector, TEAMS_CHANNEL, activities, botFramework } from "../support/teams";
import { COMMAND_RULES, type CommandVerb, type Rule } from "../../src/core/policy/policy";
import { VERBS } from "../../src/core/commands/runCommand";

const HR_AAD = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const people = {
  employee: {
    slack: PRIYA,
    teams: { id: "29:1Emp8ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS", name: "Ed Employee", aadObjectId: "5e5e5e5e-0000-4000-8000-000000000001" },
  },
  hr: { slack: "UHR000001", teams: { id: "29:1Hr99ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS", name: "Hanna HR", aadObjectId: HR_AAD } },
  admin: { slack: "UADMIN001", teams: { id: "29:1Adm7ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS", name: "Ada Admin", aadObjectId: ADMIN_AAD } },
} as const;
type Role = keyof typeof people;

/** One request per verb: what it asks does not matter here, only whether the asker is let through. */
const REQUESTS: Record<CommandVerb, string> = {
  help: "help",
  points: "points",
  "points set": "points set answer_published 10",
  home: "home",
  leaderboard: "leaderboard month",
  charity: "charity list",
  "charity add": "charity add Matrix Fund https://matrix.example",
  "charity remove": "charity remove 999",
  "charity default": "charity default 999",
  "charity rate": "charity rate 0.01",
  "charity budget": "charity budget none",
  "charity report": "charity report 2026-Q3",
  "charity paid": "charity paid 999 2026-Q3",
  link: "link",
  unlink: "unlink",
  privacy: "privacy",
  my: "my data",
  "forget me": "forget me",
  forget: "forget @person:UNOBODY00",
  follow: "follow facturatie",
  unfollow: "unfollow facturatie",
  story: "story list",
  report: "report week",
  hr: "hr list",
  ai: "ai status",
  route: "route list",
  language: "language en",
};

const ALLOWED: Record<Rule, Role[]> = { anyone: ["employee", "hr", "admin"], channel: ["employee", "hr", "admin"], hr: ["hr", "admin"], admin: ["admin"] };
const REFUSAL = /Only Advocate admins|Alleen Advocate-beheerders|reports are for HR|rapporten zijn alleen voor HR/;

let app: TestApp;
let connector: FakeConnector;

beforeAll(async () => {
  app = await startTestApp({ env: { ADVOCATE_HR_IDS: `${people.hr.slack},${HR_AAD}` } });
  botFramework();
  new FakeSlack().listen();
  connector = new FakeConnector().listen();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const rows = (Object.keys(COMMAND_RULES) as CommandVerb[]).flatMap((verb) => (Object.keys(people) as Role[]).map((role) => [verb, role] as const));

test.each(rows)("Slack: %s as %s", async (verb, role) => {
  const reply = JSON.stringify(await (await app.slashCommand(slashCommand(REQUESTS[verb], people[role].slack))).json());
  expect({ verb, role, refused: REFUSAL.test(reply) }).toEqual({ verb, role, refused: !ALLOWED[COMMAND_RULES[verb]].includes(role) });
});

test.each(rows)("Teams: %s as %s", async (verb, role) => {
  const before = connector.sentTo(TEAMS_CHANNEL).length;
  expect((await app.postTeams(activities.message(REQUESTS[verb], { from: people[role].teams }))).status).toBe(200);
  const replies = connector.sentTo(TEAMS_CHANNEL).slice(before);
  expect(replies.length).toBeGreaterThan(0);
  const reply = JSON.stringify(replies.map((call) => call.body));
  expect({ verb, role, refused: REFUSAL.test(reply) }).toEqual({ verb, role, refused: !ALLOWED[COMMAND_RULES[verb]].includes(role) });
});

test("every verb the dispatcher handles has a rule, and the table has no rule for a verb nobody handles", () => {
  // `help` is the dispatcher's own; every other verb is a feature's, registered in VERBS.
  const handled = ["help", ...Object.keys(VERBS)];
  const topLevel = Object.keys(COMMAND_RULES).filter((verb) => !verb.includes(" "));
  expect([...new Set(handled)].sort()).toEqual(topLevel.sort());
});
