// /api/messages: Bot Framework JWT always checked by botbuilder's own code; bad input refused, nothing written.
import nock from "nock";
import { startTestApp, type TestApp } from "../../support/testApp";
import { FakeConnector, TENANT, activities, botFramework, botToken, channelToken, otherKey, teamsEnv } from "../../support/teams";

let app: TestApp;

beforeEach(async () => {
  // botbuilder reports every refused token on console.error; the assertions below say what matters.
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  botFramework();
  app = await startTestApp();
});
afterEach(async () => {
  jest.restoreAllMocks();
  nock.cleanAll();
  await app.stop();
});

const written = async () => ({
  employees: await app.db.prisma.employee.count(),
  addresses: await app.db.prisma.chatAddress.count(),
  outbox: await app.db.prisma.outboxItem.count(),
});
const nothing = { employees: 0, addresses: 0, outbox: 0 };

test("a properly signed activity runs; unsigned, expired, forged, foreign-issued or misaddressed ones get 401 and write nothing", async () => {
  const connector = new FakeConnector().listen();
  const help = activities.message("help");
  expect((await app.postTeams(help, "")).status).toBe(401);
  expect((await app.postTeams(help, "not-a-jwt")).status).toBe(401);
  expect((await app.postTeams(help, channelToken({ expiresIn: -900 }))).status).toBe(401);
  expect((await app.postTeams(help, channelToken({ key: otherKey() }))).status).toBe(401);
  expect((await app.postTeams(help, channelToken({ aud: "00000000-0000-0000-0000-000000000000" }))).status).toBe(401);
  expect((await app.postTeams(help, channelToken({ iss: "https://sts.windows.net/evil-tenant/" }))).status).toBe(401);
  expect((await app.postTeams(help, channelToken({ serviceUrl: "https://evil.example/" }))).status).toBe(401);
  expect(await written()).toEqual(nothing);
  expect(connector.calls).toHaveLength(0);

  expect((await app.postTeams(help)).status).toBe(200);
  const reply = connector.sentTo(`${"19:a8f24c61d3b94e7f9a0b5c2d1e3f4a5b@thread.tacv2"}`).at(-1);
  // The outbound call carries the bot's own token from Entra ID, not the channel's.
  expect(reply?.authorization).toBe(`Bearer ${botToken()}`);
  expect(FakeConnector.text(reply)).toContain("Advocate");
});

test("a malformed activity gets 400 and writes nothing", async () => {
  new FakeConnector().listen();
  expect((await app.postTeams("{not json")).status).toBe(400);
  expect((await app.postTeams({ text: "no type, no ids" })).status).toBe(400);
  expect(await written()).toEqual(nothing);
});

test("an unknown card verb or invoke gets 200 with an error card, and writes nothing", async () => {
  new FakeConnector().listen();
  const unknownVerb = await app.postTeams(activities.cardAction("advocate.explode", { topicId: 4821 }));
  expect(unknownVerb.status).toBe(200);
  const body = (await unknownVerb.json()) as { statusCode: number; type: string; value: { body: Array<{ text: string }> } };
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
  expect(JSON.stringify(body.value)).toMatch(/verouderd|out of date/);

  const badData = await app.postTeams(activities.cardAction("advocate.claim", { topicId: "not a number" }));
  expect(badData.status).toBe(200);
  const unknownInvoke = await app.postTeams({ ...activities.cardAction("advocate.claim", {}), name: "composeExtension/query" });
  expect(unknownInvoke.status).toBe(200);
  expect(((await unknownInvoke.json()) as { type: string }).type).toBe("application/vnd.microsoft.card.adaptive");
  const badSubmit = await app.postTeams(activities.taskSubmit({ action: "advocate.submitAnswer", topicId: 4821 }));
  expect(badSubmit.status).toBe(200);
  expect(await written()).toEqual(nothing);
});

test("multi-tenant: a correctly signed activity from an organisation Advocate does not serve is refused; nothing read or written", async () => {
  const connector = new FakeConnector().listen();
  const stranger = "00000000-0000-0000-0000-00000000beef";
  const elsewhere = {
    conversation: { isGroup: true, conversationType: "channel", tenantId: stranger, id: "19:x@thread.tacv2" },
    channelData: { tenant: { id: stranger } },
  };
  expect((await app.postTeams(activities.message("leaderboard all", elsewhere))).status).toBe(200);
  expect((await app.postTeams(activities.cardAction("advocate.claim", { topicId: 4821 }, elsewhere))).status).toBe(403);
  expect(await written()).toEqual(nothing);
  expect(connector.calls).toHaveLength(0);
  // The tenant it serves is answered as ever.
  expect((await app.postTeams(activities.message("help"))).status).toBe(200);
  expect(connector.calls).toHaveLength(1);
});

test("single-tenant: a user from another organisation is refused and nothing is written", async () => {
  await app.stop();
  app = await startTestApp({ env: { ...teamsEnv, MicrosoftAppType: "SingleTenant", MicrosoftAppTenantId: TENANT } });
  const connector = new FakeConnector().listen();
  const stranger = "11111111-2222-3333-4444-555555555555";
  const foreign = activities.cardAction(
    "advocate.claim",
    { topicId: 4821 },
    { conversation: { isGroup: true, conversationType: "channel", tenantId: stranger, id: "19:x@thread.tacv2" }, channelData: { tenant: { id: stranger } } },
  );
  const refused = await app.postTeams(foreign);
  expect(refused.status).toBe(403);
  expect(
    (
      await app.postTeams(
        activities.message("points", {
          channelData: { tenant: { id: stranger } },
          conversation: { conversationType: "channel", tenantId: stranger, id: "19:x@thread.tacv2" },
        }),
      )
    ).status,
  ).toBe(200);
  expect(await written()).toEqual(nothing);
  expect(connector.calls).toHaveLength(0);

  // The own tenant still works, and in single-tenant mode the bot's token comes from that tenant.
  nock.cleanAll();
  botFramework(TENANT);
  const ownConnector = new FakeConnector().listen();
  expect((await app.postTeams(activities.message("help"))).status).toBe(200);
  expect(ownConnector.calls.map((call) => call.authorization)).toEqual([`Bearer ${botToken(TENANT)}`]);
});
