// States are text in the database and unions in the core: a value the core does not know stops at the store,
// in words, instead of falling through a use case's `else`.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { memoryDatabase } from "../support/coreDeps";

let db: Database;
beforeAll(async () => {
  db = await memoryDatabase();
});
afterAll(async () => {
  await db.close();
});

test("a question whose status the core does not know is refused when read; a known one reads as it is", async () => {
  const store = prismaStore(db.prisma);
  const question = await store.questions.upsert("discourse", 7001, { title: "T", url: "https://c.example/t/t/7001", postedAt: new Date(), status: "open" });
  expect((await store.questions.byId(question.id))?.status).toBe("open");
  await db.sql.exec(`UPDATE "Question" SET status = 'reopened-ish' WHERE id = '${question.id}'`);
  await expect(store.questions.byId(question.id)).rejects.toThrow('the database holds an unknown question status: "reopened-ish"');
});

test("an answer whose publication state the core does not know is refused when read", async () => {
  const store = prismaStore(db.prisma);
  const employee = await store.employees.ensure("slack", "UROW0001", "Row");
  const question = await store.questions.upsert("discourse", 7002, { title: "T", url: "https://c.example/t/t/7002", postedAt: new Date(), status: "open" });
  const answer = await store.answers.create({
    questionId: question.id,
    employeeId: employee.id,
    cardId: null,
    submissionKey: "row-1",
    body: "Hi",
    postedAs: "row",
  });
  expect(answer.status).toBe("queued");
  await db.sql.exec(`UPDATE "Answer" SET status = 'sent' WHERE id = '${answer.id}'`);
  await expect(store.answers.byId(answer.id)).rejects.toThrow('the database holds an unknown publication state: "sent"');
});
