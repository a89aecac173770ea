// The period of an HR report: this week, month, quarter or year so far, or whole days `2026-10-01..2026-10-31`, in the
// company's timezone.
import { DateTime } from "luxon";
import type { ReportWeek } from "../ports/views/reportView";

export interface ReportPeriod {
  /** As the report shows and the audit records it, e.g. "month" or "2026-10-01..2026-10-31". */
  label: string;
  from: Date;
  to: Date;
}

const UNITS = new Set(["week", "month", "quarter", "year"]);
/** Longest custom range: a year and a day, so a weekly trend stays readable. */
const MAX_DAYS = 367;

export function parseReportPeriod(text: string, now: Date, timezone: string): ReportPeriod | null {
  const lower = text.toLowerCase();
  if (UNITS.has(lower)) {
    const from = DateTime.fromJSDate(now, { zone: timezone }).startOf(lower as "week" | "month" | "quarter" | "year", { useLocaleWeeks: false });
    return { label: lower, from: from.toJSDate(), to: now };
  }
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!match) return null;
  const start = DateTime.fromISO(match[1] ?? "", { zone: timezone });
  const end = DateTime.fromISO(match[2] ?? "", { zone: timezone }).endOf("day");
  if (!start.isValid || !end.isValid || end < start || end.diff(start, "days").days > MAX_DAYS) return null;
  return { label: text, from: start.toJSDate(), to: end.toJSDate() };
}

/** Every ISO week (e.g. 2026-W47) the period touches, in order, with the instant it starts in `timezone`. */
export function isoWeeks(period: ReportPeriod, timezone: string): ReportWeek[] {
  const weeks: ReportWeek[] = [];
  const end = DateTime.fromJSDate(period.to, { zone: timezone });
  for (
    let week = DateTime.fromJSDate(period.from, { zone: timezone }).startOf("week", { useLocaleWeeks: false });
    week <= end;
    week = week.plus({ weeks: 1 })
  ) {
    weeks.push({ week: week.toFormat("kkkk-'W'WW"), start: week.toJSDate() });
  }
  return weeks;
}
