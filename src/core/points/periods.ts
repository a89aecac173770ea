// Leaderboard periods, and the day of the points cap, in the company's timezone.
import { DateTime } from "luxon";
import type { TimeRange } from "../kernel/model";

export const PERIODS = ["week", "month", "quarter", "all"] as const;
export type Period = (typeof PERIODS)[number];

export function isPeriod(value: string): value is Period {
  return (PERIODS as readonly string[]).includes(value);
}

export function periodRange(period: Period, now: Date, timezone: string): TimeRange {
  return period === "all" ? { from: null, to: now } : since(period, now, timezone);
}

/**
 * The key of the period `now` falls in, as the ledger's roll-up names it (the database cuts the same periods, see
 * migration 0008_point_totals): "all", "week:2026-W48" (ISO week), "month:2026-11", "quarter:2026-Q4".
 */
export function periodKey(period: Period, now: Date, timezone: string): string {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  switch (period) {
    case "all":
      return "all";
    case "week":
      return `week:${local.toFormat("kkkk-'W'WW")}`;
    case "month":
      return `month:${local.toFormat("yyyy-MM")}`;
    case "quarter":
      return `quarter:${local.year}-Q${local.quarter}`;
  }
}

/** Today so far in the company's timezone: the daily points cap counts this. */
export function todayRange(now: Date, timezone: string): TimeRange {
  return since("day", now, timezone);
}

function since(unit: "day" | Exclude<Period, "all">, now: Date, timezone: string): TimeRange {
  const start = DateTime.fromJSDate(now, { zone: timezone }).startOf(unit, { useLocaleWeeks: false });
  return { from: start.toJSDate(), to: now };
}
