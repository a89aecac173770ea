// HR marks a charity's donation for an ended quarter paid: who, when and how much go into the audit table.
import type { CoreDeps } from "../deps";
import { actorEmployee } from "../accounts";
import type { Charity, CharityPayout } from "../kernel/charity";
import { quarterReport } from "./quarterReport";
import { quarterEnded, quarterLabel, type Quarter } from "./quarters";
import type { Actor } from "../kernel/commandContext";

export type MarkPaidResult =
  | { status: "paid"; charity: Charity; payout: CharityPayout }
  | { status: "already_paid"; charity: Charity; payout: CharityPayout }
  | { status: "unknown_charity" | "quarter_not_over" | "nothing_due" };

export async function markDonationPaid(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  actor: Actor,
  charityId: number,
  quarter: Quarter,
): Promise<MarkPaidResult> {
  const now = deps.clock.now();
  if (!(await deps.store.charities.byId(charityId))) return { status: "unknown_charity" };
  // Until the quarter ends its amounts still change.
  if (!quarterEnded(quarter, now, deps.settings.timezone)) return { status: "quarter_not_over" };
  const line = (await quarterReport(deps, quarter)).lines.find((candidate) => candidate.charityId === charityId);
  if (line?.payout) return { status: "already_paid", charity: line.charity, payout: line.payout };
  if (!line || line.dueCents === 0) return { status: "nothing_due" };
  const employee = await actorEmployee(deps, actor);
  const payout: CharityPayout = {
    charityId,
    quarter: quarterLabel(quarter),
    points: line.points,
    amountCents: line.dueCents,
    paidBy: employee.id,
    paidAt: now,
  };
  // Two people marking at once: the audit table's unique key lets only one row in.
  if (!(await deps.store.charities.recordPayout(payout))) return markDonationPaid(deps, actor, charityId, quarter);
  return { status: "paid", charity: line.charity, payout };
}
