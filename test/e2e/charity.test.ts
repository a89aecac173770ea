// Picking a charity through real HTTP on both surfaces: the picker with one button per charity, a click on
// Slack (block action) and on Teams (Action.Execute), each recorded by the one core use case; admin commands
// refused politely to others; the employee's share in euros; the report and a payout once the quarter is over.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { PRIYA, buttonClick, slashCommand } from "../support/slackPayloads";
import { ADMIN_AAD, FakeConnector, SANNE, TENANT, activities, botFramework } from "../support/teams";

let app: TestApp;
let connector: FakeConnector;
let responses: Array<Record<string, unknown>>;
/** The core's clock: everything is set up late in Q3 2026, and paid once Q4 began. */
let now = new Date("2026-09-15T10:00:00Z");

beforeAll(async () => {
  app = await startTestApp({ clock: { now: () => now } });
  botFramework();
  new FakeSlack().listen();
  connector = new FakeConnector().listen();
  responses = captureResponseUrls();
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const slashText = async (text: string, user = PRIYA) => JSON.stringify(await (await app.slashCommand(slashCommand(text, user))).json());
const personalChat = { conversation: { conversationType: "personal", tenantId: TENANT, id: "a:personal-chat" }, channelData: { tenant: { id: TENANT } } };
const teamsAdmin = { from: { id: "29:admin", name: "Admin", aadObjectId: ADMIN_AAD } };

async function pickOf(surface: string, externalId: string): Promise<number | null> {
  const employee = await app.db.prisma.employee.findFirstOrThrow({ where: { surface, externalId } });
  return (await app.db.prisma.charityPick.findFirst({ where: { employeeId: employee.id }, orderBy: { id: "desc" } }))?.charityId ?? null;
}

test("admins set up charities from Slack; a colleague's attempt is refused politely", async () => {
  expect(await slashText("charity add KWF https://www.kwf.nl", "UADMIN001")).toContain("Charity #1 added");
  expect(await slashText("charity add Oxfam Novib https://www.oxfamnovib.nl", "UADMIN001")).toContain("Charity #2 added");
  expect(await slashText("charity default 1", "UADMIN001")).toContain("is now the default charity");
  expect(await slashText("charity rate 0.10", "UADMIN001")).toContain("€0.10");
  expect(await slashText("charity add Mine https://mine.example")).toContain("Only Advocate admins can change this.");
  expect(await slashText("charity report")).toContain("reports are for HR and Advocate admins only");
  expect(await app.db.prisma.charity.count()).toBe(2);
  const priya = await app.db.prisma.employee.findFirstOrThrow({ where: { surface: "slack", externalId: PRIYA } });
  await app.db.prisma.pointAward.create({
    data: { employeeId: priya.id, points: 340, reason: "answer_published", sourceKey: "test:priya", occurredAt: new Date("2026-09-10T10:00:00Z") },
  });
});

test("Slack: `/advocate charity` shows one button per charity; a click records the pick and replaces the picker", async () => {
  const picker = (await (await app.slashCommand(slashCommand("charity"))).json()) as {
    text: string;
    blocks: Array<{ type: string; elements?: Array<{ action_id: string; value: string; text: { text: string } }> }>;
  };
  expect(picker.text).toContain("Now: *KWF*, the company's default.");
  const buttons = picker.blocks.find((block) => block.type === "actions")?.elements ?? [];
  expect(buttons.map((button) => [button.action_id, button.value, button.text.text])).toEqual([
    ["advocate_charity_pick:1", "1", "KWF"],
    ["advocate_charity_pick:2", "2", "Oxfam Novib"],
  ]);
  expect(await pickOf("slack", PRIYA)).toBeNull();

  const res = await app.interaction(buttonClick("advocate_charity_pick:2", "1763633650.001900", { value: "2" }));
  expect(res.status).toBe(200);
  expect(responses.at(-1)).toMatchObject({ replace_original: true, text: "Your points now go to *Oxfam Novib*. Thank you!" });
  expect(await pickOf("slack", PRIYA)).toBe(2);
  expect(await slashText("charity mine")).toContain("Your 340 points = €34.00 for *Oxfam Novib* this quarter.");

  // A picker from before a charity was removed: the click is refused, the pick stays.
  await app.slashCommand(slashCommand("charity default 2", "UADMIN001"));
  await app.slashCommand(slashCommand("charity remove 1", "UADMIN001"));
  await app.interaction(buttonClick("advocate_charity_pick:1", "1763633650.001900", { value: "1" }));
  expect(responses.at(-1)).toMatchObject({ text: "There is no charity “1” to choose: see /advocate charity list." });
  expect(await pickOf("slack", PRIYA)).toBe(2);
});

test("Teams: `charity` shows an Adaptive Card with Action.Execute per charity; pressing one records the pick", async () => {
  await app.postTeams(activities.personal("charity"));
  const card = JSON.stringify(connector.sentTo("a:personal").at(-1)?.body);
  expect(card).toContain('"type":"Action.Execute","verb":"advocate.charity.pick","title":"Oxfam Novib","data":{"charityId":2}');
  expect(card).not.toContain('"title":"KWF"'); // removed in the Slack test
  expect(card).toContain("Oxfam Novib**, de standaard van het bedrijf");

  const res = await app.postTeams(activities.cardAction("advocate.charity.pick", { charityId: 2 }, personalChat));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { statusCode: number; type: string; value: unknown };
  expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
  expect(JSON.stringify(body.value)).toContain("Je punten gaan nu naar **Oxfam Novib**. Dank je!");
  expect(await pickOf("teams", SANNE)).toBe(2);

  const stale = await app.postTeams(activities.cardAction("advocate.charity.pick", { charityId: 1 }, personalChat));
  expect(JSON.stringify(await stale.json())).toContain("Er is geen goed doel “1” om te kiezen");
  const garbled = await app.postTeams(activities.cardAction("advocate.charity.pick", { charityId: "x" }, personalChat));
  expect(JSON.stringify(await garbled.json())).toContain("Er is geen goed doel");
  expect(await app.db.prisma.charityPick.count({ where: { employee: { surface: "teams" } } })).toBe(1);
});

test("Teams: admins manage with `@Advocate charity …`; others are refused; `points` shows the share in euros", async () => {
  await app.postTeams(activities.message("charity budget 2500", teamsAdmin));
  expect(JSON.stringify(connector.calls.at(-1)?.body)).toContain("€\u00a02.500,00");
  await app.postTeams(activities.personal("charity budget -1"));
  expect(JSON.stringify(connector.calls.at(-1)?.body)).toContain("Alleen Advocate-beheerders");
  await app.postTeams(activities.personal("points"));
  expect(JSON.stringify(connector.calls.at(-1)?.body)).toContain("Jouw 0 punten = €\u00a00,00 voor **Oxfam Novib** dit kwartaal.");
});

test("the quarter's report for admins, and its payout recorded once the quarter is over", async () => {
  expect(await slashText("charity report 2026-Q3", "UADMIN001")).toContain("#2 Oxfam Novib · 340 points · €34.00 · not paid yet");
  expect(await slashText("charity paid 2 2026-Q3", "UADMIN001")).toContain("is not over yet");
  now = new Date("2026-10-02T09:00:00Z");
  expect(await slashText("charity paid 2 2026-Q3", "UADMIN001")).toContain("Recorded: €34.00 for Oxfam Novib (2026-Q3) is marked paid.");
  expect(await slashText("charity paid 2 2026-Q3", "UADMIN001")).toContain("was marked paid already");
  expect(await app.db.prisma.charityPayout.findMany({ select: { charityId: true, quarter: true, points: true, amountCents: true, paidAt: true } })).toEqual([
    { charityId: 2, quarter: "2026-Q3", points: 340, amountCents: 34_00, paidAt: now },
  ]);
  expect(await slashText("charity report 2026-Q3", "UADMIN001")).toContain(
    "#2 Oxfam Novib · 340 points · €34.00 · ✅ paid €34.00 on Oct 2, 2026 by <@UADMIN001>",
  );
});
