// Claim a question so colleagues don't duplicate work; claims run out on their own.
import type { CoreDeps } from "../deps";
import { refreshCards } from "../cards";
import { findCard } from "../cards";
import type { Card, Employee, Question } from "../kernel/model";

export type ClaimResult = { ok: true; until: Date } | { ok: false; reason: "not_found" | "not_open" } | { ok: false; reason: "held"; by: string; until: Date };

/** What a press did, and the question as it now stands (for a surface that answers with the redrawn card). */
export interface Pressed<R> {
  result: R;
  question: Question;
}

/** Claiming again what one claimed less than this ago changes nothing: no write, no redraw. */
export const RECLAIM_QUIET_MS = 60_000;

/** Who pressed: the person, already read for their language, and the surface they pressed on. */
export interface Presser {
  surface: string;
  employee: Employee;
}

export async function claimQuestion(
  deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings">,
  { surface, employee }: Presser,
  at: { channelId: string; topicId: number },
): Promise<ClaimResult> {
  const found = await findCard(deps, { surface, ...at });
  if (!found) return { ok: false, reason: "not_found" };
  return (await claimCard(deps, employee, found)).result;
}

/** Claim on a card already found, by someone already known: what a Teams click does before it answers. */
export async function claimCard(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  employee: Employee,
  { question }: { card: Card; question: Question },
): Promise<Pressed<ClaimResult>> {
  if (question.status !== "open") return { result: { ok: false, reason: "not_open" }, question };
  const now = deps.clock.now();
  const until = new Date(now.getTime() + deps.settings.claimTtlMs);
  // A double click, or fifty impatient ones, would each lock the question's row and queue a redraw of every card.
  const held = question.claimedById === employee.id ? question.claimExpiresAt : null;
  if (held && held.getTime() > until.getTime() - RECLAIM_QUIET_MS) return { result: { ok: true, until: held }, question };
  return deps.store.transaction(async (tx) => {
    if (!(await tx.questions.tryClaim(question.id, employee.id, until, now))) {
      const current = (await tx.questions.byId(question.id)) ?? question;
      const holder = current.claimedById ? await tx.employees.byId(current.claimedById) : null;
      const by = holder?.displayName ?? holder?.externalId ?? "?";
      return { result: { ok: false, reason: "held", by, until: current.claimExpiresAt ?? until }, question: current };
    }
    await refreshCards(tx, question.id);
    return { result: { ok: true, until }, question: { ...question, claimedById: employee.id, claimExpiresAt: until } };
  });
}

export async function releaseQuestion(
  deps: Pick<CoreDeps, "store" | "community">,
  { surface, employee }: Presser,
  at: { channelId: string; topicId: number },
): Promise<boolean> {
  const found = await findCard(deps, { surface, ...at });
  if (!found) return false;
  return (await releaseCard(deps, employee, found)).result;
}

/** Gives back one's own claim on a card already found. */
export async function releaseCard(
  deps: Pick<CoreDeps, "store">,
  employee: Employee,
  { question }: { card: Card; question: Question },
): Promise<Pressed<boolean>> {
  return deps.store.transaction(async (tx) => {
    if (!(await tx.questions.release(question.id, employee.id))) return { result: false, question };
    await refreshCards(tx, question.id);
    return { result: true, question: { ...question, claimedById: null, claimExpiresAt: null } };
  });
}

/** Scheduled: clears claims that ran out and redraws their cards. */
export async function expireClaims(deps: Pick<CoreDeps, "store" | "clock">): Promise<number> {
  return deps.store.transaction(async (tx) => {
    const expired = await tx.questions.expireClaims(deps.clock.now());
    for (const questionId of expired) await refreshCards(tx, questionId);
    return expired.length;
  });
}
