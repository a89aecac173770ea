// `story every <days> <HH:MM> [timezone]`: what it accepts, what it refuses and why, and the cron it becomes.
import { cronOf, parseStorySchedule } from "../../src/core/stories/storySchedule";

const parse = (text: string) => parseStorySchedule(text.split(" ").filter(Boolean), "Europe/Amsterdam");

describe("valid schedules", () => {
  test("days, a 24-hour time and a timezone", () => {
    expect(parse("mon,wed 09:00 America/New_York")).toEqual({ ok: true, spec: { days: ["mon", "wed"], time: "09:00", timezone: "America/New_York" } });
  });

  test("without a timezone, the company's; days in week order, once each, in any case", () => {
    expect(parse("FRI,mon,fri 9:30")).toEqual({ ok: true, spec: { days: ["mon", "fri"], time: "09:30", timezone: "Europe/Amsterdam" } });
  });

  test("weekdays and daily, also combined with single days", () => {
    expect(parse("weekdays 08:15")).toMatchObject({ spec: { days: ["mon", "tue", "wed", "thu", "fri"] } });
    expect(parse("daily 23:59")).toMatchObject({ spec: { days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], time: "23:59" } });
    expect(parse("weekdays,sat 00:00")).toMatchObject({ spec: { days: ["mon", "tue", "wed", "thu", "fri", "sat"] } });
  });

  test("a timezone written in the wrong case is stored the way the IANA list writes it", () => {
    expect(parse("mon 09:00 europe/amsterdam")).toMatchObject({ spec: { timezone: "Europe/Amsterdam" } });
  });
});

describe("invalid schedules name the exact problem", () => {
  test.each([
    ["", "bad_story_schedule", ""],
    ["mon,wed", "bad_story_schedule", "mon,wed"],
    ["mon 09:00 Europe/Amsterdam extra", "bad_story_schedule", "mon 09:00 Europe/Amsterdam extra"],
    ["monday 09:00", "bad_story_days", "monday"],
    ["mon,,wed 09:00", "bad_story_days", "mon,,wed"],
    ["mon 9am", "bad_story_time", "9am"],
    ["mon 24:00", "bad_story_time", "24:00"],
    ["mon 09:60", "bad_story_time", "09:60"],
    ["mon 09:00 Amsterdam", "bad_timezone", "Amsterdam"],
    ["mon 09:00 Europe/Atlantis", "bad_timezone", "Europe/Atlantis"],
  ])("%j → %s", (text, problem, detail) => {
    expect(parse(text)).toEqual({ ok: false, problem, detail });
  });
});

describe("as cron", () => {
  test("minute, hour and weekday numbers (Sunday is 0)", () => {
    expect(cronOf({ days: ["mon", "wed"], time: "09:00", timezone: "Europe/Amsterdam" })).toBe("0 9 * * 1,3");
    expect(cronOf({ days: ["sat", "sun"], time: "17:45", timezone: "UTC" })).toBe("45 17 * * 6,0");
  });
});
