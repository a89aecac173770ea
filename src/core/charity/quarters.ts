// Calendar quarters ("2026-Q4") in the company's timezone: what a donation report and a payout are about.
import { DateTime } from "luxon";
import type { TimeRange } from "../kernel/model";

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export function parseQuarter(text: string): Quarter | null {
  const match = /^(\d{4})-?Q([1-4])$/i.exec(text.trim());
  return match ? { year: Number(match[1]), quarter: Number(match[2]) as Quarter["quarter"] } : null;
}

export function quarterLabel(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function quarterOf(at: Date, timezone: string): Quarter {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  return { year: local.year, quarter: local.quarter as Quarter["quarter"] };
}

/** The whole quarter, to its last millisecond (the ledger's ranges include their end). */
export function quarterRange(q: Quarter, timezone: string): TimeRange {
  const start = DateTime.fromObject({ year: q.year, month: (q.quarter - 1) * 3 + 1, day: 1 }, { zone: timezone });
  return { from: start.toJSDate(), to: start.endOf("quarter").toJSDate() };
}

export function quarterEnded(q: Quarter, now: Date, timezone: string): boolean {
  return quarterRange(q, timezone).to.getTime() < now.getTime();
}

/** The quarter `at` falls in and the `count - 1` before it, newest first: what a quarter picker offers. */
export function recentQuarters(at: Date, timezone: string, count: number): Quarter[] {
  const start = DateTime.fromJSDate(at, { zone: timezone }).startOf("quarter");
  return Array.from({ length: count }, (_, back) => quarterOf(start.minus({ quarters: back }).toJSDate(), timezone));
}
