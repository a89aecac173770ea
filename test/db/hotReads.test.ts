// The reads on a click's path run as SQL (src/db/repositories/hotReads.ts) and must return exactly what Prisma's
// model queries return for the same rows: every column, with the same types, for rows full and rows mostly empty.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { hotReads } from "../../src/db/repositories/hotReads";
import { freshDatabase } from "../support/coreDeps";

let db: Database;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db.close();
});

const at = new Date("2026-12-07T10:11:12.345Z");

test("questions, cards, people, identities and addresses come back as the model queries return them", async () => {
  const prisma = db.prisma;
  const person = await prisma.employee.create({
    data: {
      surface: "teams",
      externalId: "29:full",
      displayName: "Sanne",
      locale: "nl",
      communityUsername: "sanne",
      communityUserId: 7,
      linkedAt: at,
      email: "s@x.nl",
      department: "Support",
      hiddenOnLeaderboards: true,
    },
  });
  const bare = await prisma.employee.create({ data: { surface: "slack", externalId: "UBARE" } });
  await prisma.chatIdentity.create({ data: { surface: "teams", externalId: "29:full", employeeId: person.id, email: "s@x.nl", emailSeenAt: at } });
  await prisma.chatIdentity.create({ data: { surface: "slack", externalId: "UBARE", employeeId: bare.id } });
  const full = await prisma.question.create({
    data: {
      community: "discourse",
      topicId: 1,
      title: "Dubbel afgeschreven",
      bodyText: "…",
      authorUsername: "klant",
      categoryId: 3,
      tags: ["facturatie", "nl"],
      hasTopicFacts: true,
      language: "nl",
      kind: "question",
      url: "https://c/t/1",
      postedAt: at,
      status: "open",
      routedAt: at,
      claimedById: person.id,
      claimExpiresAt: at,
      topics: ["billing"],
      urgency: "high",
      summaries: { en: "Charged twice", nl: "Dubbel" },
      aiOutcome: "ai",
      aiConfidence: 0.87,
      promiseMinutes: 60,
      promiseDueAt: at,
      promiseStage: 1,
      experts: ["sanne"],
    },
  });
  const empty = await prisma.question.create({ data: { community: "discourse", topicId: 2, url: "https://c/t/2", postedAt: at, tags: [] } });
  const card = await prisma.card.create({
    data: {
      questionId: full.id,
      surface: "teams",
      channelId: "19:c",
      locale: "nl",
      messageRef: "m1",
      postStartedAt: at,
      routedBy: "ai:0.87",
      passedOnBy: "x",
      passedOnNote: "n",
    },
  });
  const plain = await prisma.card.create({ data: { questionId: empty.id, surface: "slack", channelId: "C1", locale: "en", routedBy: "rule:1" } });
  await prisma.chatAddress.create({
    data: { surface: "teams", kind: "user", externalId: "29:full", reference: { serviceUrl: "https://s/", conversation: { id: "a:1" }, n: [1, null] } },
  });

  const reads = hotReads(prisma);
  for (const question of [full, empty]) {
    expect(await reads.questionById(question.id)).toStrictEqual(await prisma.question.findUnique({ where: { id: question.id } }));
    expect(await reads.questionByTopic("discourse", question.topicId)).toStrictEqual(question);
  }
  for (const row of [card, plain]) {
    expect(await reads.cardById(row.id)).toStrictEqual(row);
    expect(await reads.card(row.questionId, row.surface, row.channelId)).toStrictEqual(row);
  }
  for (const [who, surface, externalId] of [
    [person, "teams", "29:full"],
    [bare, "slack", "UBARE"],
  ] as const) {
    expect(await reads.employeeById(who.id)).toStrictEqual(who);
    expect(await reads.employeeOf(surface, externalId)).toStrictEqual(who);
    expect(await reads.identity(surface, externalId)).toStrictEqual(
      await prisma.chatIdentity.findUnique({
        where: { surface_externalId: { surface, externalId } },
        select: { surface: true, externalId: true, employeeId: true, email: true },
      }),
    );
  }
  expect(await reads.address("teams", "user", "29:full")).toStrictEqual(
    await prisma.chatAddress.findUnique({
      where: { surface_kind_externalId: { surface: "teams", kind: "user", externalId: "29:full" } },
      select: { reference: true },
    }),
  );
  for (const missing of [
    reads.questionById("nope"),
    reads.questionByTopic("discourse", 3),
    reads.cardById("nope"),
    reads.employeeOf("teams", "29:nobody"),
    reads.address("teams", "user", "x"),
  ])
    expect(await missing).toBeNull();
});

test("inside a unit of work they see its own uncommitted writes", async () => {
  const store = prismaStore(db.prisma);
  await expect(
    store.transaction(async (tx) => {
      const made = await tx.employees.ensure("slack", "UNEW", "New");
      expect(await tx.employees.ensure("slack", "UNEW", "New")).toStrictEqual(made);
      throw new Error("roll back");
    }),
  ).rejects.toThrow("roll back");
  expect(await store.employees.identity("slack", "UNEW")).toBeNull();
});
