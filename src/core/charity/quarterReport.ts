// The quarterly donation report: each charity's points, what they are worth, what the company pays, and
// whether it was paid. A quarter is settled on the picks and terms in force at its end (for the current quarter:
// now), so changes made later never move money in a quarter that may already be paid.
import type { CoreDeps } from "../deps";
import type { Employee } from "../kernel/model";
import { attributePoints } from "./attribution";
import { donations, type DonationLine } from "./donations";
import type { Charity, CharityPayout, CharityTerms } from "../kernel/charity";
import { quarterLabel, quarterRange, type Quarter } from "./quarters";

export interface ReportLine extends DonationLine {
  charity: Charity;
  payout: (CharityPayout & { paidByEmployee: Employee | null }) | null;
}

export interface QuarterReport {
  quarter: string;
  /** The company's, for the dates payouts were marked. */
  timezone: string;
  terms: CharityTerms;
  lines: ReportLine[];
  points: number;
  earnedCents: number;
  dueCents: number;
  capBinds: boolean;
  /** Points with no charity to go to: nobody picked one and there is no default. */
  unassigned: number;
}

export async function quarterReport(deps: Pick<CoreDeps, "store" | "settings">, quarter: Quarter): Promise<QuarterReport> {
  const range = quarterRange(quarter, deps.settings.timezone);
  const label = quarterLabel(quarter);
  const [rows, terms, charities, payouts] = await Promise.all([
    deps.store.charities.pointsByEmployee(range),
    deps.store.charities.terms(range.to),
    deps.store.charities.list(),
    deps.store.charities.payouts(label),
  ]);
  // A charity removed after the quarter ended still gets that quarter's points.
  const eligible = new Set(charities.filter((charity) => !charity.removedAt || charity.removedAt > range.to).map((charity) => charity.id));
  const { perCharity, unassigned } = attributePoints(rows, eligible, terms.defaultCharityId);
  const amounts = donations(perCharity, terms);
  // A payout still shows when its charity has no points left in the quarter (awards recorded late, revoked).
  const paidWithoutPoints = payouts
    .filter((payout) => !amounts.lines.some((line) => line.charityId === payout.charityId))
    .map((payout) => ({ charityId: payout.charityId, points: 0, earnedCents: 0, dueCents: 0 }));
  const byId = new Map(charities.map((charity) => [charity.id, charity]));
  const lines = await Promise.all(
    [...amounts.lines, ...paidWithoutPoints].map(async (line) => {
      const payout = payouts.find((candidate) => candidate.charityId === line.charityId);
      return {
        ...line,
        charity: byId.get(line.charityId) as Charity,
        payout: payout ? { ...payout, paidByEmployee: await deps.store.employees.byId(payout.paidBy) } : null,
      };
    }),
  );
  return {
    quarter: label,
    timezone: deps.settings.timezone,
    terms,
    lines,
    points: amounts.points,
    earnedCents: amounts.earnedCents,
    dueCents: amounts.dueCents,
    capBinds: amounts.capBinds,
    unassigned,
  };
}
