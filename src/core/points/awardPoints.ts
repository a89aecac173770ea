// Writing the ledger: awards within the daily cap, revocations as negative rows. A row is never edited.
import type { CoreDeps } from "../deps";
import { todayRange } from "./periods";
import type { PointRules } from "./pointRules";
import type { Repos } from "../store";

export interface LedgerEntry {
  employeeId: string;
  points: number;
  reason: string;
  /** One row per source: a redelivered event never pays (or takes back) twice. */
  sourceKey: string;
  occurredAt: Date;
}

/**
 * Appends an award, cut to what today's cap leaves (possibly to 0, the cap named in the reason, so that the ledger
 * explains itself). Returns the points written, or null when this source was paid before.
 */
export async function awardPoints(deps: Pick<CoreDeps, "settings">, tx: Pick<Repos, "ledger">, rules: PointRules, award: LedgerEntry): Promise<number | null> {
  const earnedToday = await tx.ledger.earned(award.employeeId, todayRange(award.occurredAt, deps.settings.timezone));
  const points = Math.min(award.points, Math.max(0, rules.daily_cap - earnedToday));
  const reason = points < award.points ? `${award.reason} (daily cap ${rules.daily_cap}: ${points} of ${award.points})` : award.reason;
  return (await tx.ledger.award({ ...award, points, reason })) ? points : null;
}

/** Takes back `points` already paid, as a negative row, never capped; true when written (nothing to take back writes nothing). */
export async function revokePoints(tx: Pick<Repos, "ledger">, revocation: LedgerEntry): Promise<boolean> {
  if (revocation.points <= 0) return false;
  return tx.ledger.award({ ...revocation, points: -revocation.points });
}
