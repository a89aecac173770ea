// The Teams home: a card in the personal chat (points, rank, claims, the month's top 5, charity; HR's report pickers)
// that Teams refreshes per viewer through Universal Actions. Shown when the app is installed personally and on
// `home`; redrawn in place when points change; a refresh answers only with the home of whoever invoked it.
import nock from "nock";
import { startTestApp, type TestApp } from "../../support/testApp";
import { FakeSlack } from "../../support/slackApi";
import { fixture } from "../../support/fixtures";
import { FakeConnector, SANNE, TENANT, TEAMS_CHANNEL, activities, botFramework } from "../../support/teams";
import { refreshHome } from "../../../src/core/notices";
import { HOME_INPUTS, HOME_VERBS } from "../../../src/chat/teams/presenters/homeCard";

const NOW = new Date("2026-11-20T10:00:00Z");
const BRAM = {
  id: "29:1Brm4ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS_bRaM7nKp2HsJd9Xy4Zq",
  name: "Bram Jansen",
  aadObjectId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
};
const HR = { id: "29:1Hr42ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS_hRhR7nKp2HsJd9Xy4Zq", name: "Hanna HR", aadObjectId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" };
const personalChat = (userId: string) => `a:personal-${userId.slice(-8)}`;
const inPersonal = (from?: typeof BRAM) => ({
  ...(from ? { from } : {}),
  conversation: { conversationType: "personal", tenantId: TENANT, id: personalChat(from?.id ?? SANNE) },
  channelData: { tenant: { id: TENANT } },
  replyToId: "home-card",
});

let app: TestApp;
let connector: FakeConnector;

beforeEach(async () => {
  app = await startTestApp({ env: { ADVOCATE_HR_IDS: HR.aadObjectId }, clock: { now: () => NOW } });
  botFramework();
  connector = new FakeConnector().listen();
  new FakeSlack().listen();
  const { employees, ledger, charities } = app.deps.store;
  const award = async (userId: string, name: string, points: number) => {
    const employee = await employees.ensure("teams", userId, name);
    await ledger.award({
      employeeId: employee.id,
      points,
      reason: "answer_published",
      sourceKey: `home:${userId}`,
      occurredAt: new Date("2026-11-10T09:00:00Z"),
    });
  };
  await award(SANNE, "Sanne de Vries", 40);
  await award(BRAM.id, BRAM.name, 7);
  const kwf = await charities.add({ name: "KWF", url: "https://kwf.example", createdBy: "admin" });
  await charities.setTerms({ defaultCharityId: kwf.id }, "admin", new Date("2026-11-01T00:00:00Z"));
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

/** Cards Advocate sent into Sanne's (or someone's) personal chat, as JSON text. */
const cardsIn = (userId = SANNE) => connector.sentTo(personalChat(userId)).map((call) => FakeConnector.text(call));
const homeCardOf = (json: unknown) => JSON.stringify(json);

async function refresh(from?: typeof BRAM, data: unknown = {}, verb: string = HOME_VERBS.refresh) {
  const res = await app.postTeams(activities.cardAction(verb, data, inPersonal(from)));
  expect(res.status).toBe(200);
  return (await res.json()) as { statusCode: number; type: string; value: { refresh: { userIds: string[] } } };
}

test("installed personally: the home card is the first thing in the personal chat, once, with a refresh for its viewer alone", async () => {
  await app.postTeams(fixture("teams/installation_update_personal.json"));
  // Teams announces the same install as a conversationUpdate too: no second card.
  await app.postTeams({
    ...fixture<Record<string, unknown>>("teams/installation_update_personal.json"),
    type: "conversationUpdate",
    membersAdded: [{ id: "28:3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a" }],
  });
  await app.drain();
  const cards = cardsIn();
  expect(cards).toHaveLength(1);
  expect(cards[0]).toContain("**40** punten");
  expect(cards[0]).toContain("#1 in totaal");
  expect(cards[0]).toContain("KWF");
  expect(cards[0]).toContain("Top 5 deze maand");
  expect(cards[0]).toContain("Bram Jansen");
  expect(cards[0]).toContain(`"refresh":{"action":{"type":"Action.Execute","verb":"${HOME_VERBS.refresh}","data":{}},"userIds":["${SANNE}"]}`);
  expect(cards[0]).not.toContain(HOME_VERBS.report);
});

test("`home` in the personal chat posts the card (no text besides); new points redraw that card in place; `home` in a channel points there", async () => {
  await app.postTeams(activities.personal("home"));
  await app.drain();
  expect(cardsIn()).toHaveLength(1);
  expect(cardsIn()[0]).toContain("**40** punten");
  const address = await app.db.prisma.chatAddress.findFirstOrThrow({ where: { kind: "user", externalId: SANNE } });
  const cardId = (address.reference as { homeMessageId?: string }).homeMessageId;
  expect(cardId).toEqual(expect.any(String));

  const sanne = await app.deps.store.employees.ensure("teams", SANNE);
  await app.deps.store.ledger.award({ employeeId: sanne.id, points: 5, reason: "like_received", sourceKey: "home:like", occurredAt: NOW });
  await refreshHome(app.deps.store, sanne);
  await app.drain();
  expect(cardsIn()).toHaveLength(1);
  const redraw = connector.updates().at(-1);
  expect(redraw?.path).toBe(`/v3/conversations/${personalChat(SANNE)}/activities/${cardId}`);
  expect(FakeConnector.text(redraw)).toContain("**45** punten");

  const reply = await app.postTeams(activities.message("home"));
  expect(reply.status).toBe(200);
  await app.drain();
  expect(FakeConnector.text(connector.sentTo(TEAMS_CHANNEL).at(-1))).toContain("privéchat met Advocate");
  expect(cardsIn()).toHaveLength(2);
});

test("a home card deleted in Teams: the redraw lets go of it instead of failing, and `home` posts a new one", async () => {
  await app.postTeams(activities.personal("home"));
  await app.drain();
  connector.fail(/PUT /, 404);
  await refreshHome(app.deps.store, await app.deps.store.employees.ensure("teams", SANNE));
  await app.drain();
  expect(await app.db.prisma.outboxItem.findFirstOrThrow({ where: { kind: "chat.publishHome" }, orderBy: { id: "desc" } })).toMatchObject({ status: "done" });
  const address = await app.db.prisma.chatAddress.findFirstOrThrow({ where: { kind: "user", externalId: SANNE } });
  expect((address.reference as { homeMessageId?: string | null }).homeMessageId).toBeNull();
  await refreshHome(app.deps.store, await app.deps.store.employees.ensure("teams", SANNE));
  await app.drain();
  expect(connector.updates()).toEqual([]);
  await app.postTeams(activities.personal("home"));
  await app.drain();
  expect(cardsIn()).toHaveLength(2);
});

test("points change for someone who never opened their home: nothing appears in their chat", async () => {
  await app.postTeams(activities.personal("points"));
  const before = cardsIn().length;
  await refreshHome(app.deps.store, await app.deps.store.employees.ensure("teams", SANNE));
  await app.drain();
  expect(cardsIn()).toHaveLength(before);
  expect(connector.updates()).toEqual([]);
});

test("the refresh answers with a fresh card for the invoker only: a forged id in the data shows the presser their own home", async () => {
  const own = await refresh();
  expect(own.statusCode).toBe(200);
  expect(own.type).toBe("application/vnd.microsoft.card.adaptive");
  expect(homeCardOf(own.value)).toContain("**40** punten");
  expect(own.value.refresh.userIds).toEqual([SANNE]);

  const forged = await refresh(BRAM, { userId: SANNE, viewer: SANNE, employeeId: "anyone" });
  expect(homeCardOf(forged.value)).toContain("**7** punten");
  expect(homeCardOf(forged.value)).not.toContain("**40** punten");
  expect(forged.value.refresh.userIds).toEqual([BRAM.id]);
});

test("HR's home has the report pickers; Show report shows and audits it; CSV sends the files; an employee's forged press shows no report", async () => {
  const offer = await refresh(HR);
  expect(homeCardOf(offer.value)).toContain("Input.ChoiceSet");
  expect(homeCardOf(offer.value)).toContain(HOME_VERBS.report);
  expect(await app.db.prisma.reportAudit.count()).toBe(0);

  const shown = await refresh(HR, { [HOME_INPUTS.unit]: "month", [HOME_INPUTS.from]: "", [HOME_INPUTS.department]: "*" }, HOME_VERBS.report);
  expect(homeCardOf(shown.value)).toContain("month");
  expect(homeCardOf(shown.value)).toMatch(/Deelnamerapport|Participation report/);
  const sent = await refresh(HR, { [HOME_INPUTS.unit]: "quarter" }, HOME_VERBS.csv);
  expect(sent.statusCode).toBe(200);
  await app.drain();
  expect(cardsIn(HR.id).join("\n")).toContain("application/vnd.microsoft.teams.card.file.consent");

  const refused = await refresh(BRAM, { [HOME_INPUTS.unit]: "month" }, HOME_VERBS.report);
  expect(homeCardOf(refused.value)).not.toContain("Input.ChoiceSet");
  expect(homeCardOf(refused.value)).toContain("**7** punten");
  const audit = await app.db.prisma.reportAudit.findMany({ orderBy: { id: "asc" }, select: { userId: true, period: true, allowed: true } });
  expect(audit).toEqual([
    { userId: HR.id, period: "month", allowed: true },
    { userId: HR.id, period: "quarter", allowed: true },
    { userId: BRAM.id, period: "month", allowed: false },
  ]);
});
