// A Teams identity's verified email is learnt at first contact (any message or invoke), from the Bot Connector's
// member lookup, so that someone already known on Slack by that email is one person without `link`. A lookup that
// fails leaves the identity a person of its own (nothing guessed) and is tried again: after the outbox's back-off
// when Teams was busy, on the next contact when it refused.
import nock from "nock";
import { startTestApp, type TestApp } from "../../support/testApp";
import { FakeSlack } from "../../support/slackApi";
import { PRIYA } from "../../support/slackPayloads";
import { FakeConnector, SANNE, activities, botFramework } from "../../support/teams";

const SANNE_EMAIL = "sanne.devries@voltaro.example";
const BRAM = {
  id: "29:1Brm4ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS_bRaM7nKp2HsJd9Xy4Zq",
  name: "Bram Jansen",
  aadObjectId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
};

let app: TestApp;
let connector: FakeConnector;

beforeEach(async () => {
  // A minute's back-off: a failed lookup waits, so the test sees the state between two attempts.
  app = await startTestApp({ backoffBaseMs: 60_000 });
  botFramework();
  connector = new FakeConnector().listen();
  new FakeSlack().listen();
  // Sanne is known on Slack, her work email verified there (her Slack profile, read when she linked).
  const onSlack = await app.deps.store.employees.ensure("slack", PRIYA, "Sanne de Vries");
  await app.deps.store.employees.recordIdentityEmail("slack", PRIYA, SANNE_EMAIL, new Date());
  await app.deps.store.ledger.award({ employeeId: onSlack.id, points: 30, reason: "answer_published", sourceKey: "slack:1", occurredAt: new Date() });
});
afterEach(async () => {
  nock.cleanAll();
  await app.stop();
});

const personOf = async (surface: string, externalId: string) =>
  (await app.db.prisma.chatIdentity.findUnique({ where: { surface_externalId: { surface, externalId } } }))?.employeeId ?? null;
const memberLookups = (userId: string) => connector.calls.filter((call) => call.method === "GET" && call.path.endsWith(`/members/${userId}`));
const pointsReply = () => JSON.stringify(connector.sentTo(`a:personal-${SANNE.slice(-8)}`).at(-1)?.body ?? {});
/** The lookup waiting for its retry (and its lane) is due now. */
async function retryNow(): Promise<void> {
  await app.db.prisma.outboxItem.updateMany({ where: { kind: "account.verifyEmail", status: "pending" }, data: { nextAttemptAt: new Date() } });
  await app.db.prisma.outboxLane.updateMany({ where: { name: { startsWith: "teams:profile:" } }, data: { nextAt: new Date() } });
}

test("first contact on Teams: the member's email is read once and joins her Slack person, without `link`; a colleague stays himself", async () => {
  await app.postTeams(activities.personal("points"));
  await app.postTeams(activities.personal("leaderboard"));
  await app.drain();
  expect(memberLookups(SANNE)).toHaveLength(1);
  expect(memberLookups(SANNE)[0]!.path).toBe(`/v3/conversations/a:personal-${SANNE.slice(-8)}/members/${SANNE}`);
  expect(await personOf("teams", SANNE)).toBe(await personOf("slack", PRIYA));
  await app.postTeams(activities.personal("points"));
  expect(pointsReply()).toContain("**30**");
  // Known now: no further lookups.
  await app.drain();
  expect(memberLookups(SANNE)).toHaveLength(1);

  await app.postTeams(activities.personal("points", { from: BRAM }));
  await app.drain();
  expect(memberLookups(BRAM.id)).toHaveLength(1);
  expect(await personOf("teams", BRAM.id)).not.toBe(await personOf("slack", PRIYA));
  expect((await app.db.prisma.chatIdentity.findFirstOrThrow({ where: { externalId: BRAM.id } })).email).toBe(
    `member-${BRAM.id.slice(-8).toLowerCase()}@voltaro.example`,
  );
});

test("Teams busy (412): the identity stays separate, nothing guessed, and the outbox tries again after its back-off", async () => {
  connector.fail(/GET .*\/members\//, 412);
  await app.postTeams(activities.personal("points"));
  await app.drain();
  expect(await personOf("teams", SANNE)).not.toBe(await personOf("slack", PRIYA));
  expect((await app.db.prisma.chatIdentity.findFirstOrThrow({ where: { externalId: SANNE } })).email).toBeNull();
  const waiting = await app.db.prisma.outboxItem.findFirstOrThrow({ where: { kind: "account.verifyEmail" } });
  expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
  expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

  await retryNow();
  await app.drain();
  expect(await personOf("teams", SANNE)).toBe(await personOf("slack", PRIYA));
  expect(memberLookups(SANNE)).toHaveLength(1);
});

test("Teams refuses the lookup (404): given up for now, separate; her next message asks again and joins her Slack person", async () => {
  connector.fail(/GET .*\/members\//, 404);
  await app.postTeams(activities.personal("points"));
  await app.drain();
  expect(await personOf("teams", SANNE)).not.toBe(await personOf("slack", PRIYA));
  expect(await app.db.prisma.outboxItem.count({ where: { kind: "account.verifyEmail", status: "pending" } })).toBe(0);
  expect(pointsReply()).not.toContain("**30**");

  await app.postTeams(activities.personal("points"));
  await app.drain();
  expect(await personOf("teams", SANNE)).toBe(await personOf("slack", PRIYA));
  await app.postTeams(activities.personal("points"));
  expect(pointsReply()).toContain("**30**");
});
