// The leaderboard reads a roll-up the database keeps; these tests hold it to the ledger it rolls up.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { cutPointTotalsIn } from "../../src/db/pointTotals";
import { periodKey, PERIODS } from "../../src/core/points/periods";
import { memoryDatabase } from "../support/coreDeps";
import type { Store } from "../../src/core/store";

let db: Database;
let store: Store;
const ZONE = "Europe/Amsterdam";

beforeAll(async () => {
  db = await memoryDatabase(ZONE);
  store = prismaStore(db.prisma);
});
afterAll(async () => {
  await db.close();
});

// Around local midnight, the DST changes, and an ISO week that straddles New Year.
const INSTANTS = [
  "2026-03-28T22:59:59Z",
  "2026-03-28T23:00:00Z",
  "2026-03-29T01:30:00Z",
  "2026-10-24T21:59:59Z",
  "2026-10-24T22:00:00Z",
  "2026-10-25T01:30:00Z",
  "2026-12-31T22:59:59Z",
  "2026-12-31T23:00:00Z",
  "2027-01-03T23:30:00Z",
  "2026-06-30T21:59:59Z",
  "2026-06-30T22:00:00Z",
];

test("the database cuts the same periods as the core, around midnights, DST changes and New Year", async () => {
  const employee = await store.employees.ensure("slack", "UPERIODS", "Periods");
  for (const [i, at] of INSTANTS.entries()) {
    await store.ledger.award({ employeeId: employee.id, points: 1, reason: "test", sourceKey: `periods:${i}`, occurredAt: new Date(at) });
  }
  const expected = new Map<string, number>();
  for (const at of INSTANTS) {
    for (const period of PERIODS) {
      const key = periodKey(period, new Date(at), ZONE);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
  }
  const rows = await db.prisma.pointTotal.findMany({ where: { employeeId: employee.id } });
  expect(new Map(rows.map((row) => [row.period, row.points]))).toEqual(expected);
  expect(expected.get("week:2026-W53")).toBe(2);
  expect(expected.get("quarter:2026-Q3")).toBe(1);
});

test("the top of a period equals the ledger's sums, revocations included, with shared ranks for ties", async () => {
  const at = new Date("2026-11-20T12:00:00Z");
  const [anna, bram, cato] = await Promise.all(["UANNA", "UBRAM", "UCATO"].map((id) => store.employees.ensure("slack", id, id.slice(1))));
  const award = (employeeId: string, points: number, key: string) => store.ledger.award({ employeeId, points, reason: "test", sourceKey: key, occurredAt: at });
  await award(anna!.id, 30, "a1");
  await award(bram!.id, 25, "b1");
  await award(bram!.id, 5, "b2");
  await award(cato!.id, 40, "c1");
  await award(cato!.id, -40, "c1:revoked");
  // A redelivered award adds nothing to the ledger, so nothing to the roll-up either.
  expect(await award(anna!.id, 30, "a1")).toBe(false);
  const top = await store.ledger.leaderboard(periodKey("month", at, ZONE), 10);
  expect(top.map((row) => [row.displayName, row.points, row.rank])).toEqual([
    ["ANNA", 30, 1],
    ["BRAM", 30, 1],
  ]);
  expect((await store.ledger.rankOf(bram!.id, periodKey("month", at, ZONE)))?.rank).toBe(1);
  expect(await store.ledger.rankOf(cato!.id, periodKey("month", at, ZONE))).toBeNull();
});

test("another company timezone rebuilds the roll-up from the ledger, once", async () => {
  const employee = await store.employees.ensure("slack", "UZONE", "Zone");
  // 23:30 in Amsterdam on 30 June is already 1 July in Helsinki: the award changes quarter.
  await store.ledger.award({ employeeId: employee.id, points: 7, reason: "test", sourceKey: "zone:1", occurredAt: new Date("2026-06-30T21:30:00Z") });
  const quarters = async () =>
    (await db.prisma.pointTotal.findMany({ where: { employeeId: employee.id, period: { startsWith: "quarter:" } } })).map((row) => row.period);
  expect(await quarters()).toEqual(["quarter:2026-Q2"]);
  expect(await cutPointTotalsIn(db.sql, "Europe/Helsinki")).toBe(true);
  expect(await cutPointTotalsIn(db.sql, "Europe/Helsinki")).toBe(false);
  expect(await quarters()).toEqual(["quarter:2026-Q3"]);
  expect(await cutPointTotalsIn(db.sql, ZONE)).toBe(true);
  expect(await quarters()).toEqual(["quarter:2026-Q2"]);
});
