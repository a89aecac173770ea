import type { Prisma, PrismaClient } from "../../generated/prisma/client";

/** A Prisma client, or the transaction client inside a unit of work. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Prisma's unique-constraint violation: the row exists already (idempotent inserts rely on it). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** A patch without its id: ids are never rewritten. */
export function withoutId<T extends { id?: unknown }>(patch: T): Omit<T, "id"> {
  const copy = { ...patch };
  delete copy.id;
  return copy;
}
