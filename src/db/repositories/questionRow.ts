// A question row as the core sees it: the summaries column is JSON in the database, a string map in the core, and
// the status text there a union here.
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client";
import type { Question } from "../../core/kernel/model";
import { questionStatus } from "./states";

const summariesSchema = z.record(z.string(), z.string());

export function toQuestion<T extends { summaries: Prisma.JsonValue; status: string }>(
  row: T,
): Omit<T, "summaries" | "status"> & { summaries: Question["summaries"]; status: Question["status"] } {
  const parsed = summariesSchema.safeParse(row.summaries);
  return { ...row, summaries: parsed.success ? parsed.data : null, status: questionStatus(row.status) };
}

/** A patch as Prisma takes it: a null summaries map is SQL NULL, not JSON null. */
export function questionData<T extends { summaries?: Question["summaries"] }>(
  patch: T,
): Omit<T, "summaries"> & { summaries?: Prisma.InputJsonValue | typeof Prisma.DbNull } {
  const { summaries, ...rest } = patch;
  if (summaries === undefined) return rest;
  return { ...rest, summaries: summaries === null ? Prisma.DbNull : summaries };
}
