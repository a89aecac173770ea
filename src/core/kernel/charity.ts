// Charity records as the core sees them. Money is always an integer in a named unit, never a float.

export interface Charity {
  id: number;
  name: string;
  url: string;
  /** Set once an admin removed it: nobody can pick it any more, but its history (payouts, reports) stays. */
  removedAt: Date | null;
}

export const isActive = (charity: Charity): boolean => charity.removedAt === null;

/** The company's donation terms; null where an admin has not set a value yet. */
export interface CharityTerms {
  defaultCharityId: number | null;
  /** What one point is worth, in millionths of a euro (EUR 0.10 = 100000). */
  microEurosPerPoint: number | null;
  /** The most the company gives per quarter, in euro cents; null for no cap. */
  quarterBudgetCents: number | null;
}

/** One row of the payout audit: a charity's donation for a quarter, marked paid. */
export interface CharityPayout {
  charityId: number;
  quarter: string;
  points: number;
  amountCents: number;
  paidBy: string;
  paidAt: Date;
}

/** An employee's net points in a quarter, with the charity they picked (null when they never did). */
export interface EmployeeQuarterPoints {
  employeeId: string;
  pickedCharityId: number | null;
  points: number;
}
