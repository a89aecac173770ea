import { clockTime, normalizeLocale, timeAgo, translator } from "../src/i18n";

describe("i18n", () => {
  const at = new Date("2026-11-23T13:30:00Z");

  test("clock times are 24-hour in the company timezone, in English too", () => {
    expect(clockTime(at, "en", "Europe/Amsterdam")).toBe("14:30");
    expect(clockTime(at, "nl", "Europe/Amsterdam")).toBe("14:30");
    expect(clockTime(new Date("2026-11-23T23:05:00Z"), "en-US", "UTC")).toBe("23:05");
  });

  test("relative ages follow the reader's language", () => {
    const now = new Date(at.getTime() + 3 * 3600_000);
    expect(timeAgo(at, now, "en")).toBe("3 hours ago");
    expect(timeAgo(at, now, "nl")).toBe("3 uur geleden");
  });

  test("locales are normalised and unknown ones fall back", () => {
    expect(normalizeLocale("nl-BE")).toBe("nl");
    expect(normalizeLocale("de-DE")).toBe("en");
    expect(normalizeLocale(null, "nl")).toBe("nl");
    expect(translator("nl-NL")("help.intro")).not.toBe(translator("en")("help.intro"));
  });
});
