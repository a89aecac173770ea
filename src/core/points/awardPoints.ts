import type { Repos } from "../ports";

/** Appends one award to the ledger; the source key makes a repeated event pay nothing. */
export async function awardPoints(
  tx: Pick<Repos, "ledger">,
  award: { employeeId: string; points: number; reason: string; sourceKey: string; occurredAt: Date },
): Promise<boolean> {
  return tx.ledger.award(award);
}
