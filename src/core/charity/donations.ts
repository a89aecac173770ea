// A quarter's points turned into euros: at the point value, then scaled pro rata when the budget cap binds.
// Amounts are whole cents, split with the largest remainder method so the parts add up to the total exactly.
import type { CharityPoints } from "./attribution";
import type { CharityTerms } from "../kernel/charity";
import { largestRemainder } from "./largestRemainder";
import { MICRO_EUROS_PER_CENT } from "./money";

export interface DonationLine extends CharityPoints {
  /** What the points are worth at the point value, before any cap. */
  earnedCents: number;
  /** What the company gives: earnedCents, or its pro-rata share of the budget when the cap binds. */
  dueCents: number;
}

export interface Donations {
  lines: DonationLine[];
  points: number;
  earnedCents: number;
  dueCents: number;
  capBinds: boolean;
}

export function donations(perCharity: readonly CharityPoints[], terms: Pick<CharityTerms, "microEurosPerPoint" | "quarterBudgetCents">): Donations {
  const points = perCharity.reduce((sum, line) => sum + line.points, 0);
  const earnedCents = centsFor(points, terms.microEurosPerPoint ?? 0);
  const budget = terms.quarterBudgetCents;
  const capBinds = budget !== null && earnedCents > budget;
  const dueCents = capBinds ? budget : earnedCents;
  const weights = perCharity.map((line) => ({ key: line.charityId, weight: line.points }));
  const earned = largestRemainder(earnedCents, weights);
  const due = capBinds ? largestRemainder(dueCents, weights) : earned;
  const lines = perCharity.map((line) => ({ ...line, earnedCents: earned.get(line.charityId) ?? 0, dueCents: due.get(line.charityId) ?? 0 }));
  return { lines, points, earnedCents, dueCents, capBinds };
}

/** Points × value, rounded half up to a whole cent. */
export function centsFor(points: number, microEurosPerPoint: number): number {
  const micro = BigInt(points) * BigInt(microEurosPerPoint);
  const perCent = BigInt(MICRO_EUROS_PER_CENT);
  return Number((micro + perCent / 2n) / perCent);
}
