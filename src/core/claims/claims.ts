// Claim a question so colleagues don't duplicate work; claims run out on their own.
import type { CoreDeps } from "../deps";
import { refreshCards } from "../cards";
import { findCard } from "../cards";
import { actorEmployee } from "../accounts";
import type { Actor } from "../kernel/commandContext";

export type ClaimResult = { ok: true; until: Date } | { ok: false; reason: "not_found" | "not_open" } | { ok: false; reason: "held"; by: string; until: Date };

/** Claiming again what one claimed less than this ago changes nothing: no write, no redraw. */
export const RECLAIM_QUIET_MS = 60_000;

export async function claimQuestion(
  deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings">,
  actor: Actor,
  at: { channelId: string; topicId: number },
): Promise<ClaimResult> {
  const found = await findCard(deps, { surface: actor.surface, ...at });
  if (!found) return { ok: false, reason: "not_found" };
  if (found.question.status !== "open") return { ok: false, reason: "not_open" };
  const employee = await actorEmployee(deps, actor);
  const now = deps.clock.now();
  const until = new Date(now.getTime() + deps.settings.claimTtlMs);
  // A double click, or fifty impatient ones, would each lock the question's row and queue a redraw of every card.
  const held = found.question.claimedById === employee.id ? found.question.claimExpiresAt : null;
  if (held && held.getTime() > until.getTime() - RECLAIM_QUIET_MS) return { ok: true, until: held };
  return deps.store.transaction(async (tx) => {
    if (!(await tx.questions.tryClaim(found.question.id, employee.id, until, now))) {
      const current = await tx.questions.byId(found.question.id);
      const holder = current?.claimedById ? await tx.employees.byId(current.claimedById) : null;
      return { ok: false, reason: "held", by: holder?.displayName ?? holder?.externalId ?? "?", until: current?.claimExpiresAt ?? until } as const;
    }
    await refreshCards(tx, found.question.id);
    return { ok: true, until } as const;
  });
}

export async function releaseQuestion(deps: Pick<CoreDeps, "store" | "community">, actor: Actor, at: { channelId: string; topicId: number }): Promise<boolean> {
  const found = await findCard(deps, { surface: actor.surface, ...at });
  if (!found) return false;
  const employee = await actorEmployee(deps, actor);
  return deps.store.transaction(async (tx) => {
    if (!(await tx.questions.release(found.question.id, employee.id))) return false;
    await refreshCards(tx, found.question.id);
    return true;
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
