import type { CharityTerms } from "../../core/kernel/charity";
import type { Db } from "./db";
import type { CharityRepo } from "../../core/charity";

const NO_TERMS: CharityTerms = { defaultCharityId: null, microEurosPerPoint: null, quarterBudgetCents: null };

const charity = (row: { id: number; name: string; url: string; removedAt: Date | null }) => ({
  id: row.id,
  name: row.name,
  url: row.url,
  removedAt: row.removedAt,
});

// Picks and terms are histories: the row in force at a moment is the latest at or before it (ties: the later id).
const LATEST = [{ setAt: "desc" as const }, { id: "desc" as const }];

export function charityRepo(db: Db): CharityRepo {
  const terms = async (at: Date): Promise<CharityTerms> => {
    const row = await db.charityTerms.findFirst({ where: { setAt: { lte: at } }, orderBy: LATEST });
    return row ? { defaultCharityId: row.defaultCharityId, microEurosPerPoint: row.microEurosPerPoint, quarterBudgetCents: row.quarterBudgetCents } : NO_TERMS;
  };
  return {
    add: async (input) => charity(await db.charity.create({ data: input })),
    byId: async (id) => {
      const row = await db.charity.findUnique({ where: { id } });
      return row ? charity(row) : null;
    },
    list: async () => (await db.charity.findMany({ orderBy: { id: "asc" } })).map(charity),
    async remove(id, at) {
      const { count } = await db.charity.updateMany({ where: { id, removedAt: null }, data: { removedAt: at } });
      return count === 1;
    },
    terms,
    async setTerms(patch, setBy, at) {
      // A full row per change: the terms before it, with the patch applied.
      await db.charityTerms.create({ data: { ...(await terms(at)), ...patch, setBy, setAt: at } });
    },
    async pick(employeeId, charityId, at) {
      await db.charityPick.create({ data: { employeeId, charityId, pickedAt: at } });
    },
    pickOf: async (employeeId, at) =>
      (await db.charityPick.findFirst({ where: { employeeId, pickedAt: { lte: at } }, orderBy: [{ pickedAt: "desc" }, { id: "desc" }] }))?.charityId ?? null,
    async pointsByEmployee(range) {
      // Net per employee, so a revocation in the quarter counts against the same quarter's awards.
      const rows = await db.$queryRawUnsafe<Array<{ employeeId: string; charityId: number | null; points: bigint | number }>>(
        `WITH totals AS (
           SELECT "employeeId", SUM(points) AS points FROM "PointAward"
           WHERE ($1::timestamp IS NULL OR "occurredAt" >= $1::timestamp) AND "occurredAt" <= $2::timestamp
           GROUP BY "employeeId" HAVING SUM(points) > 0
         )
         SELECT t."employeeId", t.points,
                (SELECT p."charityId" FROM "CharityPick" p WHERE p."employeeId" = t."employeeId" AND p."pickedAt" <= $2::timestamp
                 ORDER BY p."pickedAt" DESC, p.id DESC LIMIT 1) AS "charityId"
         FROM totals t ORDER BY t."employeeId"`,
        range.from,
        range.to,
      );
      return rows.map((row) => ({ employeeId: row.employeeId, pickedCharityId: row.charityId, points: Number(row.points) }));
    },
    async recordPayout(payout) {
      // ON CONFLICT keeps a surrounding transaction usable when the quarter was marked paid already.
      const inserted = await db.$executeRawUnsafe(
        `INSERT INTO "CharityPayout" ("charityId", quarter, points, "amountCents", "paidBy", "paidAt") VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("charityId", quarter) DO NOTHING`,
        payout.charityId,
        payout.quarter,
        payout.points,
        payout.amountCents,
        payout.paidBy,
        payout.paidAt,
      );
      return inserted === 1;
    },
    payouts: (quarter) =>
      db.charityPayout.findMany({
        where: { quarter },
        orderBy: { charityId: "asc" },
        select: { charityId: true, quarter: true, points: true, amountCents: true, paidBy: true, paidAt: true },
      }),
  };
}
