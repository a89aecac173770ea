// "Your 340 points = €34.00 for KWF this quarter": an employee's own part of this quarter's donation.
import type { CoreDeps } from "../deps";
import { centsFor } from "./donations";
import { currentCharity } from "./pickCharity";
import { quarterReport } from "./quarterReport";
import { quarterOf, quarterRange } from "./quarters";
import type { CharityShare } from "../ports/views/charityShare";

export type { CharityShare };

export async function myCharityShare(deps: Pick<CoreDeps, "store" | "clock" | "settings">, employeeId: string): Promise<CharityShare> {
  const quarter = quarterOf(deps.clock.now(), deps.settings.timezone);
  const [net, current, report] = await Promise.all([
    deps.store.ledger.total(employeeId, quarterRange(quarter, deps.settings.timezone)),
    currentCharity(deps, employeeId),
    quarterReport(deps, quarter),
  ]);
  const points = Math.max(0, net);
  const rate = report.terms.microEurosPerPoint;
  const cents = rate === null ? null : report.capBinds ? scaled(points, report.points, report.dueCents) : centsFor(points, rate);
  return { quarter: report.quarter, points, current, cents, capBinds: report.capBinds };
}

/** points / total of the amount, rounded half up to a cent. */
function scaled(points: number, totalPoints: number, totalCents: number): number {
  if (totalPoints === 0) return 0;
  return Number((2n * BigInt(points) * BigInt(totalCents) + BigInt(totalPoints)) / (2n * BigInt(totalPoints)));
}
