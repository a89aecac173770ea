import type { Db } from "./db";
import type { DirectoryRepo } from "../../core/hr";

export function directoryRepo(db: Db): DirectoryRepo {
  return {
    async upsert(entry, at) {
      // One statement: the row and its employees' department land together, never half.
      await db.$executeRawUnsafe(
        `WITH row AS (
           INSERT INTO "Directory" (email, name, department, "importedAt") VALUES ($1, $2, $3, $4)
           ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, department = EXCLUDED.department, "importedAt" = EXCLUDED."importedAt"
           RETURNING email, department
         )
         UPDATE "Employee" e SET department = row.department FROM row WHERE e.email = row.email`,
        entry.email,
        entry.name,
        entry.department,
        at,
      );
    },
    departmentOf: async (email) => (await db.directory.findUnique({ where: { email: email.toLowerCase() } }))?.department ?? null,
    recordImport: async (audit) => void (await db.directoryImport.create({ data: audit })),
    async count(department) {
      // lower() as the report's other department filters compare (and indexed so, migration 0029), not Prisma's
      // insensitive mode: its ILIKE reads every row, and takes a _ or % in a department's name as a wildcard.
      const rows = await db.$queryRawUnsafe<Array<{ n: bigint | number }>>(
        `SELECT COUNT(*) AS n FROM "Directory" WHERE $1::text IS NULL OR lower(department) = lower($1::text)`,
        department,
      );
      return Number(rows[0]?.n ?? 0);
    },
    imported: async () => (await db.directory.findFirst({ select: { email: true } })) !== null,
  };
}
