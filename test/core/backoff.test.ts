// Outbox back-off: exponential ceiling, capped, jittered within [ceiling/2, ceiling].
import { backoffMs } from "../../src/outbox/backoff";

const low = () => 0;
const high = () => 1 - Number.EPSILON;

describe("bounds", () => {
  test("attempt 1 waits between base/2 and base", () => {
    expect(backoffMs(1, 2000, 900_000, low)).toBe(1000);
    expect(backoffMs(1, 2000, 900_000, high)).toBe(2000);
    expect(backoffMs(1, 2000, 900_000, () => 0.5)).toBe(1500);
  });

  test("the ceiling doubles per attempt", () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, 1000, 900_000, high))).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, 1000, 900_000, low))).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  test("with real randomness every value stays within [ceiling/2, ceiling]", () => {
    for (let attempt = 1; attempt <= 20; attempt++) {
      const ceiling = Math.min(60_000, 100 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) {
        const wait = backoffMs(attempt, 100, 60_000);
        expect(wait).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(wait).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  test("attempt 0 or below is treated as the first", () => {
    expect(backoffMs(0, 2000, 900_000, high)).toBe(2000);
    expect(backoffMs(-3, 2000, 900_000, high)).toBe(2000);
  });

  test("an integer number of milliseconds", () => {
    expect(Number.isInteger(backoffMs(3, 333, 900_000, () => 0.123))).toBe(true);
  });
});

describe("cap", () => {
  test("the ceiling never exceeds the cap", () => {
    const cap = 15 * 60_000;
    expect(backoffMs(12, 2000, cap, high)).toBe(cap);
    expect(backoffMs(12, 2000, cap, low)).toBe(cap / 2);
  });

  test("very large attempt numbers stay finite and capped", () => {
    expect(backoffMs(5000, 2000, 60_000, high)).toBe(60_000);
    expect(Number.isFinite(backoffMs(5000, 2000, 60_000))).toBe(true);
  });

  test("a cap below the base wins", () => {
    expect(backoffMs(1, 2000, 500, high)).toBe(500);
  });
});
