// What a works council asks for, through the real apps: `my data` sends a person everything Advocate holds about
// them (Slack uploads the files, Teams offers them by consent card), `forget me` explains before it erases, an
// admin's `forget @person` erases someone else, the ledger still adds up after, and the retention sweep drops old
// events and done outbox work while keeping what is recent, pending or dead.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, slashCommand } from "../support/slackPayloads";
import { FakeConnector, SANNE, activities, botFramework } from "../support/teams";
import { communityTakesReply } from "../support/scenario";
import { FILE_CONSENT_TYPE as FILE_CONSENT } from "../../src/chat/teams/presenters/fileCard";

const OLAF = "U0OLAF0001";
const DAY = 86_400_000;
let app: TestApp;
let connector: FakeConnector;
let slack: FakeSlack;
let priyaId: string;

beforeAll(async () => {
  app = await startTestApp();
  botFramework();
  slack = new FakeSlack().listen();
  connector = new FakeConnector().listen();
  const { employees, ledger, follows, charities } = app.deps.store;
  const charity = await charities.add({ name: "KWF", url: "https://kwf.example", createdBy: "UADMIN001" });
  const people = [
    { surface: "slack", id: PRIYA, name: "Priya Raman", email: "priya@voltaro.example", topic: "billing", points: 30 },
    { surface: "slack", id: OLAF, name: "Olaf Olsen", email: "olaf@voltaro.example", topic: "invoices", points: 20 },
    { surface: "teams", id: SANNE, name: "Sanne de Vries", email: "sanne@voltaro.example", topic: "solar", points: 10 },
  ];
  for (const person of people) {
    // Their Slack profiles say their own emails (learnt at their first command).
    if (person.surface === "slack") slack.emails.set(person.id, person.email);
    const employee = await employees.ensure(person.surface, person.id, person.name);
    await employees.update(employee.id, { email: person.email, communityUsername: person.name.split(" ")[0]!.toLowerCase(), linkedAt: new Date() });
    await ledger.award({
      employeeId: employee.id,
      points: person.points,
      reason: "answer_published",
      sourceKey: `mydata:${person.id}`,
      occurredAt: new Date(),
    });
    await follows.add(employee.id, person.topic);
    await charities.pick(employee.id, charity.id, new Date());
    if (person.id === PRIYA) priyaId = employee.id;
  }
  const question = await app.db.prisma.question.create({
    data: { community: "voltaro", topicId: 4242, title: "Meter reading", url: "https://c.example/t/4242", postedAt: new Date() },
  });
  await app.db.prisma.answer.create({
    data: { questionId: question.id, employeeId: priyaId, submissionKey: "mydata-1", body: "Priya's queued answer", postedAs: "priya", status: "queued" },
  });
  await app.db.prisma.directory.create({ data: { email: "priya@voltaro.example", name: "Priya Raman", department: "Billing", importedAt: new Date() } });
  // Rows elsewhere that quote Priya (and Olaf, who is not forgotten): who answered, suggested experts, audits, a rule.
  const answered = await app.db.prisma.question.create({
    data: {
      community: "voltaro",
      topicId: 4243,
      title: "Solar feed-in",
      url: "https://c.example/t/4243",
      postedAt: new Date(),
      status: "answered",
      answeredBy: "Priya Raman",
      experts: ["Priya Raman", "Olaf Olsen"],
    },
  });
  await app.db.prisma.answer.create({
    data: { questionId: answered.id, employeeId: priyaId, submissionKey: "mydata-2", body: "Published", postedAs: "priya", status: "published" },
  });
  for (const userId of [PRIYA, OLAF]) {
    await app.db.prisma.reportAudit.create({ data: { userId, surface: "slack", what: "leaderboard", period: "2026-Q4", allowed: true, at: new Date() } });
    await app.db.prisma.routingRule.create({ data: { tags: ["billing"], createdBy: userId } });
  }
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const slash = async (text: string, user: string) => JSON.stringify(await (await app.slashCommand(slashCommand(text, user))).json());
const ledgerSum = async () => (await app.db.prisma.pointAward.aggregate({ _sum: { points: true } }))._sum.points;
/** The JSON document inside an uploaded file's body. */
const jsonIn = (body: string) => JSON.parse(body.slice(body.indexOf("{"), body.lastIndexOf("}") + 1)) as Record<string, unknown>;

test("Slack: `my data` uploads Priya's rows as JSON and her ledger as CSV to her direct messages, nothing of Olaf's, audited", async () => {
  expect(await slash("my data", PRIYA)).toContain("on its way to your direct messages: advocate-my-data-");
  await app.drain();
  expect(slack.of("conversations.open").at(-1)?.body.users).toBe(PRIYA);
  const names = slack.of("files.getUploadURLExternal").map((call) => String(call.body.filename));
  expect(names).toEqual([expect.stringMatching(/^advocate-my-data-\d{4}-\d\d-\d\d\.json$/), expect.stringMatching(/^advocate-my-points-.*\.csv$/)]);
  const [jsonId, csvId] = [...slack.uploads.keys()];
  const body = slack.uploads.get(jsonId ?? "") ?? "";
  const data = jsonIn(body) as {
    employee: { externalId: string; displayName: string; email: string; communityUsername: string };
    ledger: Array<{ points: number; sourceKey: string }>;
    answers: Array<{ body: string; status: string }>;
    follows: Array<{ topic: string }>;
    charityPicks: unknown[];
    directory: { department: string };
  };
  expect(data.employee).toMatchObject({ externalId: PRIYA, displayName: "Priya Raman", email: "priya@voltaro.example", communityUsername: "priya" });
  expect(data.ledger).toEqual([expect.objectContaining({ points: 30, sourceKey: `mydata:${PRIYA}` })]);
  expect(data.answers).toEqual([
    expect.objectContaining({ body: "Priya's queued answer", status: "queued" }),
    expect.objectContaining({ body: "Published", status: "published" }),
  ]);
  expect(data.follows.map((follow) => follow.topic)).toEqual(["billing"]);
  expect(data.charityPicks).toHaveLength(1);
  expect(data.directory.department).toBe("Billing");
  for (const other of [OLAF, "Olaf", "olaf@", "invoices", SANNE, "Sanne"]) expect(body).not.toContain(other);
  expect(slack.uploads.get(csvId ?? "")).toContain(`occurred_at,points,reason,source\r\n`);
  expect(slack.uploads.get(csvId ?? "")).toContain(`,30,answer_published,mydata:${PRIYA}\r\n`);
  expect(await app.db.prisma.privacyAudit.findMany({ select: { action: true, byEmployeeId: true, aboutEmployeeId: true } })).toEqual([
    { action: "export", byEmployeeId: priyaId, aboutEmployeeId: priyaId },
  ]);
});

test("Teams: `my data` offers Sanne's files by file consent card; the offered JSON is hers alone", async () => {
  const before = connector.sentTo("a:personal").length;
  await app.postTeams(activities.personal("my data"));
  expect(FakeConnector.text(connector.sentTo("a:personal").at(before))).toContain("Alles wat Advocate over je bewaart"); // Sanne's Teams speaks Dutch
  await app.drain();
  const offers = connector
    .sentTo("a:personal")
    .slice(before)
    .flatMap((call) => (call.body as { attachments?: Array<{ contentType: string; name: string }> }).attachments ?? [])
    .filter((attachment) => attachment.contentType === FILE_CONSENT);
  expect(offers.map((offer) => offer.name)).toEqual([
    expect.stringMatching(/^advocate-my-data-.*\.json$/),
    expect.stringMatching(/^advocate-my-points-.*\.csv$/),
  ]);
  const stored = await app.db.prisma.fileOffer.findFirstOrThrow({ where: { userId: SANNE, filename: { endsWith: ".json" } } });
  const json = Buffer.from(stored.content, "base64").toString("utf8");
  expect((jsonIn(json) as { employee: { externalId: string } }).employee.externalId).toBe(SANNE);
  expect(json).toContain("solar");
  for (const other of [PRIYA, "Priya", OLAF, "billing"]) expect(json).not.toContain(other);
});

test("`forget me` explains, mentions the queued answer, and changes nothing", async () => {
  const before = await app.db.prisma.employee.findUniqueOrThrow({ where: { id: priyaId } });
  const reply = await slash("forget me", PRIYA);
  expect(reply).toContain("forget me confirm");
  expect(reply).toContain("Nothing has changed yet");
  expect(reply).toContain("One answer of yours is still on its way: it will still be published");
  expect(await app.db.prisma.employee.findUniqueOrThrow({ where: { id: priyaId } })).toEqual(before);
  expect(await app.db.prisma.follow.count({ where: { employeeId: priyaId } })).toBe(1);
  expect(await app.db.prisma.privacyAudit.count({ where: { action: "forget" } })).toBe(0);
});

test("`forget me confirm`: Priya's row carries a pseudonym, link and follows are gone, the ledger adds up, the leaderboard shows no name", async () => {
  expect(await ledgerSum()).toBe(60);
  const reply = await slash("forget me confirm", PRIYA);
  expect(reply).toContain("Advocate has forgotten you");
  const row = await app.db.prisma.employee.findUniqueOrThrow({ where: { id: priyaId } });
  expect(row.externalId).toMatch(/^forgotten-[0-9a-f]{8}$/);
  expect(reply).toContain(row.externalId);
  expect(row).toMatchObject({ displayName: row.externalId, email: null, communityUsername: null, linkedAt: null, locale: null, hiddenOnLeaderboards: true });
  expect(row.forgottenAt).toBeInstanceOf(Date);
  expect(await app.db.prisma.follow.count({ where: { employeeId: priyaId } })).toBe(0);
  // The ledger stays on the same row: the sums, and Priya's share of them, are unchanged.
  expect(await ledgerSum()).toBe(60);
  expect(await app.deps.store.ledger.total(priyaId, { from: null, to: new Date() })).toBe(30);
  expect((await app.db.prisma.answer.findFirstOrThrow({ where: { employeeId: priyaId } })).status).toBe("queued");
  // HR's directory is HR's own data.
  expect(await app.db.prisma.directory.count({ where: { email: "priya@voltaro.example" } })).toBe(1);
  expect(
    await app.db.prisma.privacyAudit.findMany({ where: { action: "forget" }, select: { byEmployeeId: true, aboutEmployeeId: true, pseudonym: true } }),
  ).toEqual([{ byEmployeeId: priyaId, aboutEmployeeId: priyaId, pseudonym: row.externalId }]);

  const board = await slash("leaderboard month", OLAF);
  expect(board).toContain("🥇 a colleague · 30 points");
  expect(board).not.toContain("Priya");
  expect(board).not.toContain(PRIYA);

  // The same Slack user coming back is a new person, with no points.
  expect(await slash("points", PRIYA)).toContain("*0*");
  const again = await app.db.prisma.employee.findMany({ where: { externalId: PRIYA } });
  expect(again).toHaveLength(1);
  expect(again[0]?.id).not.toBe(priyaId);
});

test("rows elsewhere that quoted Priya now quote her pseudonym; Olaf's stay his", async () => {
  const pseudonym = (await app.db.prisma.employee.findUniqueOrThrow({ where: { id: priyaId } })).externalId;
  const answered = await app.db.prisma.question.findFirstOrThrow({ where: { topicId: 4243 } });
  expect(answered).toMatchObject({ answeredBy: pseudonym, experts: ["Olaf Olsen"] });
  expect((await app.db.prisma.answer.findFirstOrThrow({ where: { submissionKey: "mydata-2" } })).postedAs).toBe(pseudonym);
  expect((await app.db.prisma.reportAudit.findMany({ select: { userId: true }, orderBy: { id: "asc" } })).map((row) => row.userId)).toEqual(
    expect.arrayContaining([pseudonym, OLAF]),
  );
  expect(await app.db.prisma.reportAudit.count({ where: { userId: PRIYA } })).toBe(0);
  expect((await app.db.prisma.routingRule.findMany({ select: { createdBy: true } })).map((rule) => rule.createdBy).sort()).toEqual([OLAF, pseudonym].sort());
  // The answer still on its way keeps the community name that publishing it needs.
  expect((await app.db.prisma.answer.findFirstOrThrow({ where: { submissionKey: "mydata-1" } })).postedAs).toBe("priya");
});

test("the answer Priya queued before she was forgotten is still published, as her community name, and nobody is messaged under the pseudonym", async () => {
  const answer = await app.db.prisma.answer.findFirstOrThrow({ where: { employeeId: priyaId } });
  const { scope, posted } = communityTakesReply();
  await app.deps.store.outbox.enqueue({ kind: "community.publishAnswer", answerId: answer.id }, { lane: "community:voltaro" });
  await app.drain();
  expect(scope.isDone()).toBe(true);
  expect(posted).toMatchObject({ username: "priya", raw: expect.stringContaining("Priya's queued answer") });
  expect((await app.db.prisma.answer.findUniqueOrThrow({ where: { id: answer.id } })).status).toBe("published");
  const pseudonym = (await app.db.prisma.employee.findUniqueOrThrow({ where: { id: priyaId } })).externalId;
  const toPseudonym = await app.db.prisma.outboxItem.count({ where: { payload: { path: ["userId"], equals: pseudonym } } });
  expect(toPseudonym).toBe(0);
});

test("Teams: `forget me` explains in Sanne's language; confirmed, her row and her stored Teams address are gone", async () => {
  const before = connector.sentTo("a:personal").length;
  await app.postTeams(activities.personal("forget me"));
  expect(FakeConnector.text(connector.sentTo("a:personal").at(before))).toContain("Er is nog niets veranderd");
  expect(await app.db.prisma.employee.count({ where: { externalId: SANNE } })).toBe(1);
  expect(await app.db.prisma.chatAddress.count({ where: { surface: "teams", kind: "user", externalId: SANNE } })).toBe(1);
  expect(await app.db.prisma.fileOffer.count({ where: { userId: SANNE } })).toBe(2); // her `my data` files, never accepted
  const sum = await ledgerSum();
  await app.postTeams(activities.personal("forget me confirm"));
  expect(FakeConnector.text(connector.sentTo("a:personal").at(-1))).toContain("Advocate is je vergeten");
  expect(await app.db.prisma.employee.count({ where: { externalId: SANNE } })).toBe(0);
  expect(await app.db.prisma.chatAddress.count({ where: { surface: "teams", kind: "user", externalId: SANNE } })).toBe(0);
  expect(await app.db.prisma.fileOffer.count({ where: { userId: SANNE } })).toBe(0);
  expect(await ledgerSum()).toBe(sum);
});

test("`forget @person`: refused for a colleague, done for an admin", async () => {
  expect(await slash(`forget <@${OLAF}|olaf>`, PRIYA)).toContain("Only Advocate admins");
  expect((await app.db.prisma.employee.findFirstOrThrow({ where: { externalId: OLAF } })).displayName).toBe("Olaf Olsen");

  const olafId = (await app.db.prisma.employee.findFirstOrThrow({ where: { externalId: OLAF } })).id;
  const sum = await ledgerSum();
  const reply = await slash(`forget <@${OLAF}|olaf>`, "UADMIN001");
  expect(reply).toContain("that person is forgotten");
  const row = await app.db.prisma.employee.findUniqueOrThrow({ where: { id: olafId } });
  expect(row).toMatchObject({ email: null, communityUsername: null });
  expect(row.externalId).toMatch(/^forgotten-[0-9a-f]{8}$/);
  expect(await app.db.prisma.follow.count({ where: { employeeId: olafId } })).toBe(0);
  const admin = await app.db.prisma.employee.findFirstOrThrow({ where: { externalId: "UADMIN001" } });
  expect(await app.db.prisma.privacyAudit.findFirst({ where: { aboutEmployeeId: olafId }, select: { action: true, byEmployeeId: true } })).toEqual({
    action: "forget",
    byEmployeeId: admin.id,
  });
  expect(await ledgerSum()).toBe(sum);
  expect(await slash(`forget <@${OLAF}|olaf>`, "UADMIN001")).toContain(`I don't know “${OLAF}” in Advocate`);
});

test("retention: the sweep drops old processed events and old done outbox work, and keeps recent, pending and dead rows", async () => {
  const ago = (days: number) => new Date(Date.now() - days * DAY);
  const event = (key: string, processedAt: Date | null) =>
    app.db.prisma.inboundEvent.create({
      data: { source: "retention-test", deliveryId: key, businessKey: key, name: "x", payload: {}, receivedAt: ago(60), processedAt },
    });
  await event("old-processed", ago(31));
  await event("recent-processed", ago(29));
  await event("old-unprocessed", null);
  const item = (key: string, status: string, doneAt: Date | null) =>
    app.db.prisma.outboxItem.create({
      data: {
        kind: "claims.expire",
        lane: "retention-test",
        payload: { kind: "claims.expire" },
        dedupeKey: key,
        status,
        doneAt,
        nextAttemptAt: ago(-365),
        createdAt: ago(60),
      },
    });
  await item("old-done", "done", ago(31));
  await item("recent-done", "done", ago(29));
  await item("old-dead", "dead", ago(31));
  await item("pending", "pending", null);

  await app.deps.store.outbox.enqueue({ kind: "retention.sweep" }, { lane: "jobs" });
  await app.drain();

  const events = await app.db.prisma.inboundEvent.findMany({ where: { source: "retention-test" }, orderBy: { deliveryId: "asc" } });
  expect(events.map((row) => row.deliveryId)).toEqual(["old-unprocessed", "recent-processed"]);
  const items = await app.db.prisma.outboxItem.findMany({ where: { lane: "retention-test" }, orderBy: { dedupeKey: "asc" } });
  expect(items.map((row) => row.dedupeKey)).toEqual(["old-dead", "pending", "recent-done"]);
});
