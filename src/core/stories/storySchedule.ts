// `story every mon,wed 09:00 Europe/Amsterdam`: read into days, a time and a timezone, and written as cron.
import { IANAZone } from "luxon";
import type { StorySchedule } from "../kernel/model";

export const WEEK_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const DAY_SETS: Record<string, readonly string[]> = { weekdays: WEEK_DAYS.slice(0, 5), daily: WEEK_DAYS };

export type ScheduleProblem = "bad_story_schedule" | "bad_story_days" | "bad_story_time" | "bad_timezone";

export type ScheduleSpec = Pick<StorySchedule, "days" | "time" | "timezone">;

export function parseStorySchedule(
  args: string[],
  defaultTimezone: string,
): { ok: true; spec: ScheduleSpec } | { ok: false; problem: ScheduleProblem; detail: string } {
  const [daysText, timeText, zoneText, ...extra] = args;
  if (!daysText || !timeText || extra.length) return { ok: false, problem: "bad_story_schedule", detail: args.join(" ") };
  const days = parseDays(daysText);
  if (!days) return { ok: false, problem: "bad_story_days", detail: daysText };
  const time = parseTime(timeText);
  if (!time) return { ok: false, problem: "bad_story_time", detail: timeText };
  const timezone = zoneText ? canonicalZone(zoneText) : defaultTimezone;
  if (!timezone) return { ok: false, problem: "bad_timezone", detail: zoneText ?? "" };
  return { ok: true, spec: { days, time, timezone } };
}

/** "mon,wed", "weekdays" or "daily" → days in week order; null when any part is not a day. */
function parseDays(text: string): string[] | null {
  const chosen = new Set<string>();
  for (const part of text.toLowerCase().split(",")) {
    const days = DAY_SETS[part] ?? ((WEEK_DAYS as readonly string[]).includes(part) ? [part] : null);
    if (!days) return null;
    days.forEach((day) => chosen.add(day));
  }
  return WEEK_DAYS.filter((day) => chosen.has(day));
}

/** "9:00" or "09:00" → "09:00"; null unless a 24-hour clock time. */
function parseTime(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  return `${match[1]!.padStart(2, "0")}:${match[2]}`;
}

/** "europe/amsterdam" → "Europe/Amsterdam"; null for anything that is not an IANA zone. */
function canonicalZone(text: string): string | null {
  if (!IANAZone.isValidZone(text)) return null;
  return new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
}

/** The schedule as a node-cron expression, to run in its own timezone. */
export function cronOf(schedule: ScheduleSpec): string {
  const [hour, minute] = schedule.time.split(":").map(Number);
  const days = schedule.days.map((day) => (WEEK_DAYS.indexOf(day as (typeof WEEK_DAYS)[number]) + 1) % 7);
  return `${minute} ${hour} * * ${days.join(",")}`;
}
