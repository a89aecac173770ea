// Leaderboard periods, and the day of the points cap, in the company's timezone.
import { DateTime } from "luxon";
import type { TimeRange } from "../model";

export const PERIODS = ["week", "month", "quarter", "all"] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(value: string): value is Period {
  return (PERIODS as readonly string[]).includes(value);
}

export function periodRange(period: Period, now: Date, timezone: string): TimeRange {
  return period === "all" ? { from: null, to: now } : since(period, now, timezone);
}

/** Today so far in the company's timezone: the daily points cap counts this. */
export function todayRange(now: Date, timezone: string): TimeRange {
  return since("day", now, timezone);
}

function since(unit: "day" | Exclude<Period, "all">, now: Date, timezone: string): TimeRange {
  const start = DateTime.fromJSDate(now, { zone: timezone }).startOf(unit, { useLocaleWeeks: false });
  return { from: start.toJSDate(), to: now };
}
