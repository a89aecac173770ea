// Routing on Teams as complete as on Slack: `route list` names every Teams channel, `route add … #Facturatie` routes
// to another channel of the team by its name, `route add <rule>` naming no channel answers with a picker of the
// team's channels (in a channel and from the personal chat), and `escalate:@Bram` (a Teams mention) makes a missed promise
// Bram's: reminders in the card's thread at 50 % and 90 % of the business time, the miss in Bram's personal chat.
import nock from "nock";
import { fixture } from "../../support/fixtures";
import { startTestApp, type TestApp } from "../../support/testApp";
import { FakeSlack } from "../../support/slackApi";
import { askTopic } from "../../support/scenario";
import { ADMIN_AAD, FakeConnector, TEAM, TEAMS_CHANNEL, TENANT, activities, botFramework } from "../../support/teams";
import { CHANNEL_INPUT, ROUTE_VERBS } from "../../../src/chat/teams/presenters/channelPicker";

const BILLING = "19:billing@thread.tacv2";
const BRAM = "29:1Bj4Rt8WkQ2mZx6LpN3vYcH9sDf5gA7eU0iOo1QwErT_uYtRe4WqPl9KjHg2Fd";
// Monday 30 November 2026, 10:00 in Amsterdam; business hours mon-fri 09:00-17:00.
const MONDAY_10 = new Date("2026-11-30T09:00:00Z");
const minutes = (n: number) => n * 60_000;

type Json = Record<string, any>;

let app: TestApp;
let connector: FakeConnector;
let now: Date;

beforeAll(async () => {
  now = MONDAY_10;
  app = await startTestApp({ clock: { now: () => now } });
  botFramework();
  connector = new FakeConnector().listen();
  new FakeSlack().listen();
  expect((await app.postTeams(activities.botAdded())).status).toBe(200);
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const admin = { from: { id: "29:1Pz7Wq2LcV8nMx4RkT6yHbJ3gF9dS5aE0uIo1QwErT_zXcVb7NmLk2JhGf4DsA", name: "Admin", aadObjectId: ADMIN_AAD } };
/** The text of Advocate's last reply in the channel. */
const lastReply = () => JSON.stringify(connector.sentTo(TEAMS_CHANNEL).at(-1)?.body ?? {});

/** The minute job as production runs it: a check a minute before `at` (the previous tick), then at `at`. */
async function checkAt(at: Date): Promise<void> {
  for (const moment of [new Date(at.getTime() - minutes(1)), at]) {
    now = moment;
    await app.deps.store.outbox.enqueue({ kind: "promises.check" }, { lane: "jobs" });
    await app.drain();
  }
}

/** Presses the picker's "Add the rule" as `who`, from where `extra` says; returns the card that answers. */
async function pick(data: Json, extra: Json = {}): Promise<string> {
  const res = await app.postTeams(activities.cardAction(ROUTE_VERBS.pick, data, { from: admin.from, ...extra }));
  expect(res.status).toBe(200);
  return JSON.stringify(await res.json());
}

test("`route add … #Facturatie` routes to another channel of the team by its name; `route list` names both", async () => {
  await app.postTeams(activities.message("route add category:support #Klantvragen", admin));
  expect(lastReply()).toContain("#Klantvragen");
  await app.postTeams(activities.message("route add category:payments #facturatie", admin));
  expect(lastReply()).toContain("#Facturatie");
  expect(await app.db.prisma.routingTarget.findMany({ orderBy: { ruleId: "asc" } })).toEqual([
    { ruleId: 1, surface: "teams", channelId: TEAMS_CHANNEL },
    { ruleId: 2, surface: "teams", channelId: BILLING },
  ]);
  // A channel message carries no channel name: the name the team's channel list gave is kept.
  await app.postTeams(activities.message("route list", admin));
  const list = lastReply();
  expect(list).toContain("category:support → #Klantvragen");
  expect(list).toContain("category:payments → #Facturatie");
  expect(list).not.toContain("teams channel");
  await app.postTeams(activities.message("route add category:x #Nergens", admin));
  expect(lastReply()).toContain("#Nergens");
  expect(await app.db.prisma.routingRule.count()).toBe(2);
  await app.postTeams(activities.message("route remove 1", admin));
  await app.postTeams(activities.message("route remove 2", admin));
});

test("`route add <rule>` naming no channel: a picker of the team's channels (General named so); the pick adds the rule there", async () => {
  await app.postTeams(activities.message("route add category:support", admin));
  const picker = connector.sentTo(TEAMS_CHANNEL).at(-1)?.body as Json;
  const card = picker.attachments[0].content as Json;
  const choices = card.body.find((element: Json) => element.type === "Input.ChoiceSet");
  expect(choices).toMatchObject({ id: CHANNEL_INPUT, value: TEAMS_CHANNEL });
  expect(choices.choices).toEqual([
    { title: "#General", value: TEAM },
    { title: "#Klantvragen", value: TEAMS_CHANNEL },
    { title: "#Facturatie", value: BILLING },
  ]);
  expect(card.actions[0]).toMatchObject({ type: "Action.Execute", verb: ROUTE_VERBS.pick, data: { rule: "category:support" } });
  expect(await app.db.prisma.routingRule.count()).toBe(0);

  expect(await pick({ rule: "category:support", [CHANNEL_INPUT]: TEAMS_CHANNEL })).toContain("#Klantvragen");
  const [target] = await app.db.prisma.routingTarget.findMany();
  expect(target).toMatchObject({ surface: "teams", channelId: TEAMS_CHANNEL });
  await app.postTeams(activities.message(`route remove ${target!.ruleId}`, admin));
});

test("the picker's submit is checked: a channel of another team, a target in the rule's words, bad data, a non-admin: nothing added", async () => {
  const before = await app.db.prisma.routingRule.count();
  expect(await pick({ rule: "category:x", [CHANNEL_INPUT]: "19:other-team-channel@thread.tacv2" })).toMatch(/hoort niet bij dit team/);
  expect(await pick({ rule: `category:x #channel:${BILLING}`, [CHANNEL_INPUT]: TEAMS_CHANNEL })).toContain("kon dat niet doen");
  expect(await pick({ rule: "category:x" })).toContain("kon dat niet doen");
  const employee = { id: "29:1Emp8ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS", name: "Ed", aadObjectId: "5e5e5e5e-0000-4000-8000-000000000001" };
  expect(await pick({ rule: "category:x", [CHANNEL_INPUT]: BILLING }, { from: employee })).toMatch(/Only Advocate admins|Alleen Advocate-beheerders/);
  // The team's channel list out of reach: said so, nothing guessed.
  connector.fail(/GET \/v3\/teams\//, 403);
  expect(await pick({ rule: "category:x", [CHANNEL_INPUT]: BILLING })).toContain("kon de kanalen van dit team nu niet ophalen");
  expect(await app.db.prisma.routingRule.count()).toBe(before);
});

test("from the personal chat, `route add <rule>` offers the team channels Advocate knows; the pick adds it there", async () => {
  const personal = (text: string) => activities.personal(text, { from: admin.from });
  await app.postTeams(personal("route add tag:incasso"));
  const picker = JSON.stringify(connector.sentTo(`a:personal-${admin.from.id.slice(-8)}`).at(-1)?.body);
  expect(picker).toContain('"title":"#Facturatie"');
  expect(picker).toContain('"title":"#General"');
  const inPersonal = {
    conversation: { conversationType: "personal", tenantId: TENANT, id: `a:personal-${admin.from.id.slice(-8)}` },
    channelData: { tenant: { id: TENANT } },
  };
  expect(await pick({ rule: "tag:incasso", [CHANNEL_INPUT]: "19:unknown@thread.tacv2" }, inPersonal)).toMatch(/hoort niet bij dit team/);
  expect(await pick({ rule: "tag:incasso", [CHANNEL_INPUT]: BILLING }, inPersonal)).toContain("#Facturatie");
  const rule = await app.db.prisma.routingRule.findFirstOrThrow({ where: { tags: { has: "incasso" } }, include: { targets: true } });
  expect(rule.targets).toEqual([{ ruleId: rule.id, surface: "teams", channelId: BILLING }]);
  // Other `route` commands still decide about the channel they are typed in: not from the personal chat.
  await app.postTeams(personal("route fallback"));
  expect(JSON.stringify(connector.sentTo(`a:personal-${admin.from.id.slice(-8)}`).at(-1)?.body)).toContain("Gebruik dit in een kanaal");
  await app.db.prisma.routingRule.delete({ where: { id: rule.id } });
});

test("`escalate:@Bram` (a Teams mention) escalates a missed promise to Bram; reminders at 50 % and 90 % in the thread", async () => {
  const command = { ...fixture<Json>("teams/message_mentioning_person.json"), from: admin.from };
  expect((await app.postTeams(command)).status).toBe(200);
  // It names no channel: the picker carries the rule, Bram as the core's person token included, to the pick.
  const rule = (connector.sentTo(TEAMS_CHANNEL).at(-1)?.body as Json).attachments[0].content.actions[0].data.rule as string;
  expect(rule).toBe(`tag:facturatie promise:4h escalate:@person:${BRAM}`);
  expect(await pick({ rule, [CHANNEL_INPUT]: TEAMS_CHANNEL })).toContain("promise:4h");
  expect(await app.db.prisma.routingRule.findFirstOrThrow({ where: { tags: { has: "facturatie" } } })).toMatchObject({
    escalateSurface: "teams",
    escalateKind: "user",
    escalateTo: BRAM,
  });

  await askTopic(app, 4821, "Factuur dubbel afgeschreven na overstap naar jaarabonnement", { postedAt: now });
  const [post] = connector.channelPosts();
  expect(JSON.stringify(post?.body)).toContain("first answer by Mon 14:00");
  const card = await app.db.prisma.card.findFirstOrThrow({ where: { surface: "teams", channelId: TEAMS_CHANNEL } });
  const thread = () => connector.sentTo(`${TEAMS_CHANNEL};messageid=${card.messageRef}`).map((call) => JSON.stringify(call.body));

  await checkAt(new Date(MONDAY_10.getTime() + minutes(119)));
  expect(thread()).toEqual([]);
  await checkAt(new Date(MONDAY_10.getTime() + minutes(120)));
  expect(thread()).toEqual([expect.stringContaining("2 h left on our promise")]);
  await checkAt(new Date(MONDAY_10.getTime() + minutes(216)));
  expect(thread()).toEqual([expect.stringContaining("2 h left"), expect.stringContaining("24 m left on our promise")]);

  await checkAt(new Date(MONDAY_10.getTime() + minutes(240)));
  await checkAt(new Date(MONDAY_10.getTime() + minutes(300)));
  // Bram's personal chat is opened through the channel he was mentioned in, and hears of the miss once.
  const opened = connector.calls.filter((call) => call.path === "/v3/conversations" && JSON.stringify(call.body.members).includes(BRAM));
  expect(opened).toHaveLength(1);
  const toBram = connector.sentTo("a:personal-chat").map((call) => JSON.stringify(call.body));
  expect(toBram).toEqual([expect.stringContaining("Promise missed")]);
  expect(thread()).toHaveLength(2);
});
