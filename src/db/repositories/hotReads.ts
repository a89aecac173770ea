// The reads on every click's path, in SQL rather than through Prisma's model queries: Prisma 6.19 turns each model
// query into a plan in WebAssembly on the app's thread, 1.0-1.5 ms of CPU a query on the bench's machine against
// 0.4-0.5 ms for the same row read in SQL, and a Teams click answers only after several. Each row is exactly what the
// model query returns (same columns, same types): test/db/hotReads.test.ts holds them to it.
import type { ChatAddress, ChatIdentity, Card, Employee, Question } from "../../generated/prisma/client";
import type { Db } from "./db";

const first = async <T>(rows: Promise<T[]>): Promise<T | null> => (await rows)[0] ?? null;

export const hotReads = (db: Db) => ({
  questionById: (id: string) => first(db.$queryRaw<Question[]>`SELECT * FROM "Question" WHERE id = ${id}`),
  questionByTopic: (community: string, topicId: number) =>
    first(db.$queryRaw<Question[]>`SELECT * FROM "Question" WHERE community = ${community} AND "topicId" = ${topicId}`),
  cardById: (id: string) => first(db.$queryRaw<Card[]>`SELECT * FROM "Card" WHERE id = ${id}`),
  card: (questionId: string, surface: string, channelId: string) =>
    first(db.$queryRaw<Card[]>`SELECT * FROM "Card" WHERE "questionId" = ${questionId} AND surface = ${surface} AND "channelId" = ${channelId}`),
  employeeById: (id: string) => first(db.$queryRaw<Employee[]>`SELECT * FROM "Employee" WHERE id = ${id}`),
  /** The person a chat identity belongs to. */
  employeeOf: (surface: string, externalId: string) =>
    first(
      db.$queryRaw<
        Employee[]
      >`SELECT e.* FROM "ChatIdentity" i JOIN "Employee" e ON e.id = i."employeeId" WHERE i.surface = ${surface} AND i."externalId" = ${externalId}`,
    ),
  identity: (surface: string, externalId: string) =>
    first(
      db.$queryRaw<
        Array<Pick<ChatIdentity, "surface" | "externalId" | "employeeId" | "email">>
      >`SELECT surface, "externalId", "employeeId", email FROM "ChatIdentity" WHERE surface = ${surface} AND "externalId" = ${externalId}`,
    ),
  address: (surface: string, kind: string, externalId: string) =>
    first(
      db.$queryRaw<
        Array<Pick<ChatAddress, "reference">>
      >`SELECT reference FROM "ChatAddress" WHERE surface = ${surface} AND kind = ${kind} AND "externalId" = ${externalId}`,
    ),
});
