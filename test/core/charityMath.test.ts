// The donation arithmetic, pure: largest remainder splits, the budget cap, rounding, parsing, quarters, attribution.
import { largestRemainder } from "../../src/core/charity/largestRemainder";
import { centsFor, donations } from "../../src/core/charity/donations";
import { attributePoints } from "../../src/core/charity/attribution";
import { parseEuros } from "../../src/core/charity/money";
import { parseQuarter, quarterEnded, quarterOf, quarterRange } from "../../src/core/charity/quarters";
import { formatCents, formatMicroEuros } from "../../src/chat/shared/money";

/** A small seeded generator (mulberry32): the same "random" cases on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("largest remainder", () => {
  test("the parts always add up to the total, each within a cent of its exact share", () => {
    const next = random(42);
    const int = (max: number) => Math.floor(next() * (max + 1));
    for (let run = 0; run < 2000; run++) {
      const parts = Array.from({ length: 1 + int(12) }, (_, key) => ({ key, weight: int(run % 3 ? 5000 : 3) }));
      const total = int(run % 2 ? 10_000_000 : 100);
      const shares = largestRemainder(total, parts);
      const sum = parts.reduce((acc, part) => acc + part.weight, 0);
      expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(sum === 0 ? 0 : total);
      for (const part of parts) {
        const exact = sum === 0 ? 0 : (total * part.weight) / sum;
        expect(Math.abs((shares.get(part.key) ?? 0) - exact)).toBeLessThan(1);
      }
    }
  });

  test("equal remainders: the larger weight wins, then the smaller key, whatever the input order", () => {
    // 100 over 3 equal weights: 33.33 each, one cent left → the smallest key.
    const equal = [
      { key: 3, weight: 1 },
      { key: 1, weight: 1 },
      { key: 2, weight: 1 },
    ];
    expect(Object.fromEntries(largestRemainder(100, equal))).toEqual({ 1: 34, 2: 33, 3: 33 });
    expect(Object.fromEntries(largestRemainder(100, [...equal].reverse()))).toEqual({ 1: 34, 2: 33, 3: 33 });
    // 5 over weights 1, 1, 2 (exact 1.25, 1.25, 2.5): floors 1 + 1 + 2 leave one cent, for the largest remainder.
    expect(
      Object.fromEntries(
        largestRemainder(5, [
          { key: 1, weight: 1 },
          { key: 2, weight: 1 },
          { key: 3, weight: 2 },
        ]),
      ),
    ).toEqual({ 1: 1, 2: 1, 3: 3 });
    // 1 cent over weights 3 and 3 and 6, exact 0.25, 0.25, 0.5: the largest remainder (key 9) takes it.
    expect(
      Object.fromEntries(
        largestRemainder(1, [
          { key: 1, weight: 3 },
          { key: 2, weight: 3 },
          { key: 9, weight: 6 },
        ]),
      ),
    ).toEqual({ 1: 0, 2: 0, 9: 1 });
    // Same remainder, different weights: 2 over 1 and 3 with total weight 4 → 0.5 and 1.5: equal remainders, the heavier wins.
    expect(
      Object.fromEntries(
        largestRemainder(2, [
          { key: 1, weight: 1 },
          { key: 2, weight: 3 },
        ]),
      ),
    ).toEqual({ 1: 0, 2: 2 });
  });

  test("no weight, or nothing to split, gives every part zero", () => {
    expect(Object.fromEntries(largestRemainder(500, [{ key: 1, weight: 0 }]))).toEqual({ 1: 0 });
    expect(Object.fromEntries(largestRemainder(0, [{ key: 1, weight: 7 }]))).toEqual({ 1: 0 });
  });
});

describe("donations", () => {
  const perCharity = [
    { charityId: 1, points: 340 },
    { charityId: 2, points: 333 },
    { charityId: 3, points: 327 },
  ];

  test("under the budget the cap does not bind: paid equals earned at the point value", () => {
    const result = donations(perCharity, { microEurosPerPoint: 100_000, quarterBudgetCents: 500_00 });
    expect(result).toMatchObject({ points: 1000, earnedCents: 100_00, dueCents: 100_00, capBinds: false });
    expect(result.lines.map((line) => [line.earnedCents, line.dueCents])).toEqual([
      [34_00, 34_00],
      [33_30, 33_30],
      [32_70, 32_70],
    ]);
  });

  test("a budget exactly equal to the amount does not bind either", () => {
    expect(donations(perCharity, { microEurosPerPoint: 100_000, quarterBudgetCents: 100_00 }).capBinds).toBe(false);
  });

  test("over the budget every charity is scaled pro rata, and the parts add up to the budget exactly", () => {
    const result = donations(perCharity, { microEurosPerPoint: 100_000, quarterBudgetCents: 10_00 });
    expect(result).toMatchObject({ earnedCents: 100_00, dueCents: 10_00, capBinds: true });
    // Exact shares 3.40, 3.33, 3.27: no remainder to hand out.
    expect(result.lines.map((line) => line.dueCents)).toEqual([3_40, 3_33, 3_27]);
    expect(result.lines.map((line) => line.earnedCents)).toEqual([34_00, 33_30, 32_70]);
    // A budget of €0.01: the single cent goes to the largest exact share.
    expect(donations(perCharity, { microEurosPerPoint: 100_000, quarterBudgetCents: 1 }).lines.map((line) => line.dueCents)).toEqual([1, 0, 0]);
  });

  test("random terms: earned and paid parts always sum to their totals, and paid never exceeds the budget", () => {
    const next = random(7);
    const int = (max: number) => Math.floor(next() * (max + 1));
    for (let run = 0; run < 1000; run++) {
      const lines = Array.from({ length: 1 + int(8) }, (_, i) => ({ charityId: i + 1, points: int(20_000) }));
      const terms = { microEurosPerPoint: int(2_000_000), quarterBudgetCents: run % 4 ? int(5_000_000) : null };
      const result = donations(lines, terms);
      expect(result.lines.reduce((sum, line) => sum + line.earnedCents, 0)).toBe(result.earnedCents);
      expect(result.lines.reduce((sum, line) => sum + line.dueCents, 0)).toBe(result.dueCents);
      expect(result.dueCents).toBe(terms.quarterBudgetCents === null ? result.earnedCents : Math.min(result.earnedCents, terms.quarterBudgetCents));
      for (const line of result.lines) expect(line.dueCents).toBeLessThanOrEqual(line.earnedCents + 1);
    }
  });

  test("point values below a cent round half up, on the total", () => {
    expect(centsFor(1, 5_000)).toBe(1); // €0.005 → 1 cent
    expect(centsFor(1, 4_999)).toBe(0);
    expect(centsFor(3, 3_333)).toBe(1); // €0.009999
    expect(centsFor(2_000_000_000, 1_000_000_000)).toBe(200_000_000_000_000); // no float overflow on the way
  });

  test("no point value set yet: everything is worth nothing, nothing breaks", () => {
    expect(donations(perCharity, { microEurosPerPoint: null, quarterBudgetCents: null })).toMatchObject({ earnedCents: 0, dueCents: 0 });
  });
});

describe("attribution", () => {
  const rows = [
    { employeeId: "a", pickedCharityId: 2, points: 100 },
    { employeeId: "b", pickedCharityId: null, points: 40 },
    { employeeId: "c", pickedCharityId: 9, points: 10 }, // picked a charity removed before the quarter ended
    { employeeId: "d", pickedCharityId: 2, points: -30 }, // a quarter of revocations gives nothing
  ];

  test("points go to the pick, else the default", () => {
    expect(attributePoints(rows, new Set([1, 2]), 1)).toEqual({
      perCharity: [
        { charityId: 1, points: 50 },
        { charityId: 2, points: 100 },
      ],
      unassigned: 0,
    });
  });

  test("without a default, points of those who did not pick are left out", () => {
    expect(attributePoints(rows, new Set([1, 2]), null)).toEqual({ perCharity: [{ charityId: 2, points: 100 }], unassigned: 50 });
  });
});

describe("parsing and formatting", () => {
  test("euro amounts are read exactly, and garbage or negatives are refused", () => {
    expect(parseEuros("0.10", 6, 1000)).toBe(100_000);
    expect(parseEuros("0,10", 6, 1000)).toBe(100_000);
    expect(parseEuros("€0.0125", 6, 1000)).toBe(12_500);
    expect(parseEuros("5000", 2, 10_000_000)).toBe(500_000);
    expect(parseEuros("0", 2, 100)).toBe(0);
    for (const bad of ["-0.10", "abc", "", "1e3", "0.1234567", "1.2.3", "1,000.00", "0x10", "NaN", "1001"]) expect(parseEuros(bad, 6, 1000)).toBeNull();
  });

  test("quarters in the company's timezone", () => {
    expect(parseQuarter("2026-Q4")).toEqual({ year: 2026, quarter: 4 });
    expect(parseQuarter("2026q1")).toEqual({ year: 2026, quarter: 1 });
    expect(parseQuarter("2026-Q5")).toBeNull();
    expect(parseQuarter("Q4")).toBeNull();
    // 31 December 23:30 UTC is already 1 January in Amsterdam.
    expect(quarterOf(new Date("2026-12-31T23:30:00Z"), "Europe/Amsterdam")).toEqual({ year: 2027, quarter: 1 });
    const range = quarterRange({ year: 2026, quarter: 4 }, "Europe/Amsterdam");
    expect(range).toEqual({ from: new Date("2026-09-30T22:00:00Z"), to: new Date("2026-12-31T22:59:59.999Z") });
    expect(quarterEnded({ year: 2026, quarter: 4 }, new Date("2026-12-31T22:59:59.999Z"), "Europe/Amsterdam")).toBe(false);
    expect(quarterEnded({ year: 2026, quarter: 4 }, new Date("2026-12-31T23:00:00Z"), "Europe/Amsterdam")).toBe(true);
  });

  test("money is formatted the reader's way, from exact integers (Dutch puts a no-break space after €)", () => {
    expect(formatCents(3400, "en")).toBe("€34.00");
    expect(formatCents(3400, "nl")).toBe("€\u00a034,00");
    expect(formatCents(123456789, "nl-NL")).toBe("€\u00a01.234.567,89");
    expect(formatCents(7, "en")).toBe("€0.07");
    expect(formatMicroEuros(100_000, "en")).toBe("€0.10");
    expect(formatMicroEuros(12_500, "nl")).toBe("€\u00a00,0125");
  });
});
