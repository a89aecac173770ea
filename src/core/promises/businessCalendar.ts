// Business time: opening hours on working days in the company's timezone, minus holidays. Promises count only
// this time ("first answer within 4 business hours"). Computed on local wall-clock days, so DST changes (which
// fall at night) neither add nor remove business time.
import { DateTime } from "luxon";
import type { BusinessCalendar } from "../kernel/businessCalendar";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const MAX_DAYS = 3660;

/** "mon-fri 09:00-17:00" or "mon,tue,thu 08:30-16:00"; null when it is not one. */
export function parseBusinessHours(text: string): Pick<BusinessCalendar, "days" | "opensAt" | "closesAt"> | null {
  const match = /^\s*([a-z,-]+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/i.exec(text);
  if (!match) return null;
  const [, dayText = "", oh, om, ch, cm] = match;
  const days = new Set<number>();
  for (const part of dayText.toLowerCase().split(",")) {
    const [from, to = from] = part.split("-");
    const start = WEEKDAYS.indexOf(from ?? "");
    const end = WEEKDAYS.indexOf(to ?? "");
    if (start < 0 || end < 0 || end < start) return null;
    for (let day = start; day <= end; day++) days.add(day + 1);
  }
  const opensAt = Number(oh) * 60 + Number(om);
  const closesAt = Number(ch) * 60 + Number(cm);
  if (Number(om) > 59 || Number(cm) > 59 || closesAt > 24 * 60 || opensAt >= closesAt) return null;
  return { days: [...days].sort(), opensAt, closesAt };
}

/** Each working day's open interval, from the day of `from` on. */
function* openIntervals(from: Date, calendar: BusinessCalendar): Generator<{ open: number; close: number }> {
  let day = DateTime.fromJSDate(from, { zone: calendar.timezone }).startOf("day");
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 }).startOf("day")) {
    if (!calendar.days.includes(day.weekday) || calendar.holidays.includes(day.toISODate() ?? "")) continue;
    const at = (minutes: number) => day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
    yield { open: at(calendar.opensAt), close: calendar.closesAt === 24 * 60 ? day.plus({ days: 1 }).startOf("day").toMillis() : at(calendar.closesAt) };
  }
}

/** The moment `minutes` of business time after `start`. */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  let remaining = minutes * 60_000;
  for (const { open, close } of openIntervals(start, calendar)) {
    const from = Math.max(open, start.getTime());
    if (from >= close) continue;
    if (remaining <= close - from) return new Date(from + remaining);
    remaining -= close - from;
  }
  throw new Error("the business calendar has no working day in ten years");
}

/** Business milliseconds between two moments (0 when `to` is not after `from`). */
export function businessMsBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  let total = 0;
  for (const { open, close } of openIntervals(from, calendar)) {
    if (open >= to.getTime()) break;
    total += Math.max(0, Math.min(close, to.getTime()) - Math.max(open, from.getTime()));
  }
  return total;
}
