// Whose points go where: to the charity an employee picked, or to the company's default when they picked none
// or their pick was removed before the quarter ended.
import type { EmployeeQuarterPoints } from "../kernel/charity";

export interface CharityPoints {
  charityId: number;
  points: number;
}

export interface Attribution {
  perCharity: CharityPoints[];
  /** Points with nowhere to go: no pick and no default. They are left out of every amount. */
  unassigned: number;
}

/** `eligible`: charities that were still active when the quarter ended. Sorted by charity id. */
export function attributePoints(rows: readonly EmployeeQuarterPoints[], eligible: ReadonlySet<number>, defaultCharityId: number | null): Attribution {
  const totals = new Map<number, number>();
  let unassigned = 0;
  for (const row of rows) {
    if (row.points <= 0) continue; // a quarter of net revocations gives nothing, and takes nothing from others
    const charityId = charityFor(row.pickedCharityId, eligible, defaultCharityId);
    if (charityId === null) unassigned += row.points;
    else totals.set(charityId, (totals.get(charityId) ?? 0) + row.points);
  }
  const perCharity = [...totals].map(([charityId, points]) => ({ charityId, points })).sort((a, b) => a.charityId - b.charityId);
  return { perCharity, unassigned };
}

/** The charity someone's points go to: their pick while it is eligible, else the default (null: nowhere). */
export function charityFor(pickedCharityId: number | null, eligible: ReadonlySet<number>, defaultCharityId: number | null): number | null {
  return pickedCharityId !== null && eligible.has(pickedCharityId) ? pickedCharityId : defaultCharityId;
}
