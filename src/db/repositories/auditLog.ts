// The four append-only audits read as one log: each gives its newest rows (as many as the page needs), then the
// union is ordered and cut, and only the page's rows get their person's name.
import type { Db } from "./db";
import type { AuditLogEntry, AuditLogRepo } from "../../core/policy";

type Row = Omit<AuditLogEntry, "id"> & { id: bigint | string };

/** The person behind a chat id (on that surface when the record says which). */
const nameByChatId = (surface: string, userId: string) =>
  `(SELECT e."displayName" FROM "ChatIdentity" ci JOIN "Employee" e ON e.id = ci."employeeId"
    WHERE ci."externalId" = ${userId} AND (${surface} IS NULL OR ci.surface = ${surface}) ORDER BY ci."createdAt" LIMIT 1)`;

export function auditLogRepo(db: Db): AuditLogRepo {
  return {
    async page(offset, limit) {
      const rows = await db.$queryRawUnsafe<Row[]>(
        `WITH entries AS (
           (SELECT 'report' AS source, id, at, surface, "userId", what,
                   period || COALESCE(' · ' || department, '') AS subject, NULL AS detail, allowed
            FROM "ReportAudit" ORDER BY at DESC, id DESC LIMIT $1)
           UNION ALL
           (SELECT 'action', id, at, surface, "userId", action, subject, detail, allowed
            FROM "ActionAudit" ORDER BY at DESC, id DESC LIMIT $1)
           UNION ALL
           (SELECT 'privacy', a.id, a.at, NULL, a."byEmployeeId", a.action,
                   COALESCE(a.pseudonym, (SELECT e."displayName" FROM "Employee" e WHERE e.id = a."aboutEmployeeId"), a."aboutEmployeeId"), NULL, true
            FROM "PrivacyAudit" a ORDER BY a.at DESC, a.id DESC LIMIT $1)
           UNION ALL
           (SELECT 'payment', p.id, p."paidAt", NULL, p."paidBy", 'charity.paid', c.name || ' · ' || p.quarter,
                   p."amountCents"::text, true
            FROM "CharityPayout" p JOIN "Charity" c ON c.id = p."charityId" ORDER BY p."paidAt" DESC, p.id DESC LIMIT $1)
         ), chosen AS (SELECT * FROM entries ORDER BY at DESC, source, id DESC LIMIT $2 OFFSET $3)
         SELECT chosen.*,
                CASE WHEN chosen.source = 'privacy' THEN (SELECT "displayName" FROM "Employee" e WHERE e.id = chosen."userId")
                     ELSE ${nameByChatId("chosen.surface", `chosen."userId"`)} END AS name
         FROM chosen ORDER BY at DESC, source, id DESC`,
        offset + limit,
        limit,
        offset,
      );
      return rows.map((row) => ({ ...row, id: String(row.id) }));
    },
  };
}
