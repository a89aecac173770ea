import type { Prisma, PrismaClient } from "../../generated/prisma/client";

/** A Prisma client, or the transaction client inside a unit of work. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** A patch without its id: ids are never rewritten. */
export function withoutId<T extends { id?: unknown }>(patch: T): Omit<T, "id"> {
  const copy = { ...patch };
  delete copy.id;
  return copy;
}
