// Leaderboard periods in the company's timezone.
import { DateTime } from "luxon";
import type { TimeRange } from "../model";

export const PERIODS = ["week", "month", "quarter", "all"] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(value: string): value is Period {
  return (PERIODS as readonly string[]).includes(value);
}

export function periodRange(period: Period, now: Date, timezone: string): TimeRange {
  if (period === "all") return { from: null, to: now };
  const start = DateTime.fromJSDate(now, { zone: timezone }).startOf(period, { useLocaleWeeks: false });
  return { from: start.toJSDate(), to: now };
}
