// Leaderboard periods start at local midnight in Europe/Amsterdam, also across DST changes.
import { isPeriod, periodRange, todayRange } from "../../src/core/points/periods";

const TZ = "Europe/Amsterdam";
const from = (period: "week" | "month" | "quarter", now: string) => periodRange(period, new Date(now), TZ).from?.toISOString();

describe("week (starts Monday 00:00 local)", () => {
  // DST starts Sunday 2026-03-29 at 02:00 CET → 03:00 CEST.
  test("Sunday after the spring change: the week began Monday in winter time (UTC+1)", () => {
    expect(from("week", "2026-03-29T12:00:00Z")).toBe("2026-03-22T23:00:00.000Z");
  });

  test("Monday after the spring change: the week began that Monday in summer time (UTC+2)", () => {
    expect(from("week", "2026-03-30T10:00:00Z")).toBe("2026-03-29T22:00:00.000Z");
  });

  test("just after local midnight on Monday, while UTC is still Sunday", () => {
    // 2026-03-29T22:30Z is Monday 00:30 in Amsterdam
    expect(from("week", "2026-03-29T22:30:00Z")).toBe("2026-03-29T22:00:00.000Z");
    // half an hour earlier it is still Sunday locally
    expect(from("week", "2026-03-29T21:30:00Z")).toBe("2026-03-22T23:00:00.000Z");
  });

  // DST ends Sunday 2026-10-25 at 03:00 CEST → 02:00 CET.
  test("around the autumn change", () => {
    expect(from("week", "2026-10-25T12:00:00Z")).toBe("2026-10-18T22:00:00.000Z");
    expect(from("week", "2026-10-26T08:00:00Z")).toBe("2026-10-25T23:00:00.000Z");
  });
});

describe("month (starts the 1st 00:00 local)", () => {
  test("March (started in winter time) seen from after the spring change", () => {
    expect(from("month", "2026-03-31T12:00:00Z")).toBe("2026-02-28T23:00:00.000Z");
  });

  test("April 1st 00:30 local is still March 31st in UTC", () => {
    expect(from("month", "2026-03-31T22:30:00Z")).toBe("2026-03-31T22:00:00.000Z");
    expect(from("month", "2026-03-31T21:30:00Z")).toBe("2026-02-28T23:00:00.000Z");
  });

  test("November (winter time), after the autumn change", () => {
    expect(from("month", "2026-11-20T10:00:00Z")).toBe("2026-10-31T23:00:00.000Z");
  });
});

describe("quarter (starts Jan/Apr/Jul/Oct 1st 00:00 local)", () => {
  test("Q1 in winter time, seen from after the spring change", () => {
    expect(from("quarter", "2026-03-30T10:00:00Z")).toBe("2025-12-31T23:00:00.000Z");
  });

  test("Q2 starts April 1st in summer time", () => {
    expect(from("quarter", "2026-05-15T10:00:00Z")).toBe("2026-03-31T22:00:00.000Z");
    expect(from("quarter", "2026-03-31T22:30:00Z")).toBe("2026-03-31T22:00:00.000Z");
  });

  test("Q4 started in summer time, seen from winter time", () => {
    expect(from("quarter", "2026-11-20T10:00:00Z")).toBe("2026-09-30T22:00:00.000Z");
  });

  test("New Year's night: Q1 starts at local midnight, while UTC is still in the old year", () => {
    expect(from("quarter", "2025-12-31T23:30:00Z")).toBe("2025-12-31T23:00:00.000Z");
  });
});

test("'to' is now; 'all' has no start", () => {
  const now = new Date("2026-03-29T12:00:00Z");
  expect(periodRange("week", now, TZ).to).toEqual(now);
  expect(periodRange("all", now, TZ)).toEqual({ from: null, to: now });
});

test("another timezone gives another start", () => {
  expect(periodRange("week", new Date("2026-03-30T10:00:00Z"), "UTC").from?.toISOString()).toBe("2026-03-30T00:00:00.000Z");
});

test("today (the points cap's day) starts at local midnight, while UTC may still be yesterday", () => {
  // 2026-11-20T23:30Z is Saturday 00:30 in Amsterdam (winter time, UTC+1)
  expect(todayRange(new Date("2026-11-20T23:30:00Z"), TZ).from?.toISOString()).toBe("2026-11-20T23:00:00.000Z");
  expect(todayRange(new Date("2026-11-20T22:30:00Z"), TZ).from?.toISOString()).toBe("2026-11-19T23:00:00.000Z");
});

test("isPeriod", () => {
  expect(["week", "month", "quarter", "all"].every(isPeriod)).toBe(true);
  expect(isPeriod("year")).toBe(false);
  expect(isPeriod("Week")).toBe(false);
});
