// Promise clock arithmetic: business hours only, weekends and holidays skipped, DST changes counted right.
import fc from "fast-check";
import { addBusinessMinutes, businessMsBetween, parseBusinessHours } from "../../src/core/promises/businessCalendar";
import type { BusinessCalendar } from "../../src/core/kernel/businessCalendar";

const calendar: BusinessCalendar = { timezone: "Europe/Amsterdam", ...parseBusinessHours("mon-fri 09:00-17:00")!, holidays: ["2026-12-25", "2026-12-28"] };
const at = (iso: string) => new Date(iso);

test("parses opening hours and refuses what is not", () => {
  expect(parseBusinessHours("mon-fri 09:00-17:00")).toEqual({ days: [1, 2, 3, 4, 5], opensAt: 540, closesAt: 1020 });
  expect(parseBusinessHours("mon,wed,sat 8:30-12:00")).toEqual({ days: [1, 3, 6], opensAt: 510, closesAt: 720 });
  for (const bad of ["", "weekdays 9-5", "fri-mon 09:00-17:00", "mon-fri 17:00-09:00", "mon-fri 09:00-17:75"]) expect(parseBusinessHours(bad)).toBeNull();
});

test.each([
  ["within one day", "2026-11-30T09:30:00+01:00", 120, "2026-11-30T11:30:00+01:00"],
  ["asked at night: the clock starts at opening", "2026-11-30T06:00:00+01:00", 60, "2026-11-30T10:00:00+01:00"],
  ["Friday afternoon into Monday", "2026-11-27T16:00:00+01:00", 240, "2026-11-30T12:00:00+01:00"],
  ["asked on Saturday", "2026-11-28T11:00:00+01:00", 30, "2026-11-30T09:30:00+01:00"],
  ["over Christmas and the Monday holiday", "2026-12-24T15:00:00+01:00", 240, "2026-12-29T11:00:00+01:00"],
  ["across the spring DST change (CET → CEST)", "2026-03-27T15:00:00+01:00", 240, "2026-03-30T11:00:00+02:00"],
  ["across the autumn DST change (CEST → CET)", "2026-10-23T16:30:00+02:00", 60, "2026-10-26T09:30:00+01:00"],
  ["exactly at closing time", "2026-11-30T13:00:00+01:00", 240, "2026-11-30T17:00:00+01:00"],
])("adds business minutes %s", (_name, start, minutes, due) => {
  expect(addBusinessMinutes(at(start), minutes, calendar).toISOString()).toBe(at(due).toISOString());
});

test("counts business time between two moments", () => {
  expect(businessMsBetween(at("2026-11-27T16:00:00+01:00"), at("2026-11-30T10:00:00+01:00"), calendar)).toBe(2 * 3600_000);
  expect(businessMsBetween(at("2026-11-28T10:00:00+01:00"), at("2026-11-29T10:00:00+01:00"), calendar)).toBe(0);
  expect(businessMsBetween(at("2026-11-30T10:00:00+01:00"), at("2026-11-30T09:00:00+01:00"), calendar)).toBe(0);
});

test("adding then counting gives back the minutes added, whatever the start (property)", () => {
  const start = fc.date({ min: at("2026-01-01T00:00:00Z"), max: at("2027-12-31T00:00:00Z"), noInvalidDate: true });
  fc.assert(
    fc.property(start, fc.integer({ min: 0, max: 5000 }), (from, minutes) => {
      const due = addBusinessMinutes(from, minutes, calendar);
      return due >= from && businessMsBetween(from, due, calendar) === minutes * 60_000;
    }),
    { numRuns: 300 },
  );
});
