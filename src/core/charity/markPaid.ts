// HR marks a charity's donation for an ended quarter paid (chat's `charity paid`, the console's button): authorised
// and audited as a report, then who, when and how much go into the payout audit table, once.
import type { CoreDeps } from "../deps";
import { actorEmployee } from "../accounts";
import { authoriseReport, type Actor } from "../policy";
import type { Charity, CharityPayout } from "../kernel/charity";
import { quarterReport } from "./quarterReport";
import { parseQuarter, quarterEnded, quarterLabel, type Quarter } from "./quarters";

export type MarkPaidResult =
  | { status: "paid"; charity: Charity; payout: CharityPayout }
  | { status: "already_paid"; charity: Charity; payout: CharityPayout }
  | { status: "not_allowed" | "bad_quarter" | "unknown_charity" | "quarter_not_over" | "nothing_due" };

/** `quarter` as typed or picked, e.g. 2026-Q3. */
export async function markDonationPaid(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  who: Actor,
  charityId: number,
  quarter: string,
): Promise<MarkPaidResult> {
  if (!(await authoriseReport(deps, who, { what: "charity_paid", period: quarter }))) return { status: "not_allowed" };
  const parsed = parseQuarter(quarter);
  return parsed ? recordPayout(deps, who, charityId, parsed) : { status: "bad_quarter" };
}

async function recordPayout(deps: Pick<CoreDeps, "store" | "clock" | "settings">, who: Actor, charityId: number, quarter: Quarter): Promise<MarkPaidResult> {
  const now = deps.clock.now();
  if (!(await deps.store.charities.byId(charityId))) return { status: "unknown_charity" };
  // Until the quarter ends its amounts still change.
  if (!quarterEnded(quarter, now, deps.settings.timezone)) return { status: "quarter_not_over" };
  const line = (await quarterReport(deps, quarter)).lines.find((candidate) => candidate.charityId === charityId);
  if (line?.payout) return { status: "already_paid", charity: line.charity, payout: line.payout };
  if (!line || line.dueCents === 0) return { status: "nothing_due" };
  const employee = await actorEmployee(deps, who);
  const payout: CharityPayout = {
    charityId,
    quarter: quarterLabel(quarter),
    points: line.points,
    amountCents: line.dueCents,
    paidBy: employee.id,
    paidAt: now,
  };
  // Two people marking at once: the audit table's unique key lets only one row in.
  if (!(await deps.store.charities.recordPayout(payout))) return recordPayout(deps, who, charityId, quarter);
  return { status: "paid", charity: line.charity, payout };
}
