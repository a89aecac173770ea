import { withoutId, type Db } from "./db";
import { hotReads } from "./hotReads";
import type { EmployeeRepo, MergeConflict } from "../../core/accounts";

export function employeeRepo(db: Db): EmployeeRepo {
  return {
    async byId(id) {
      // A merged person's id (in a job queued before the merge) stands for the person they were merged into.
      for (let at = id, hops = 0; hops < 10; hops++) {
        const employee = await hotReads(db).employeeById(at);
        if (employee) return employee;
        const merge = await db.employeeMerge.findFirst({ where: { mergedId: at }, orderBy: { id: "desc" } });
        if (!merge) return null;
        at = merge.survivorId;
      }
      return null;
    },
    async ensure(surface, externalId, displayName) {
      // Nearly every interaction comes from someone Advocate knows: a plain read then, no write and no row lock
      // (fifty clicks from one person at once queued behind each other's upserts). The identity leads to the person,
      // who may have been first seen on another surface.
      return (
        (await hotReads(db).employeeOf(surface, externalId)) ??
        // Someone new is a person of their own, with this identity, until a verified email says they are someone known.
        db.employee.upsert({
          where: { surface_externalId: { surface, externalId } },
          create: { surface, externalId, displayName: displayName ?? null, identities: { create: { surface, externalId } } },
          // The chat profile's name (set when linking) wins over the handle an interaction carries.
          update: {},
        })
      );
    },
    update: (id, patch) => db.employee.update({ where: { id }, data: withoutId(patch) }),
    byCommunityUsername: (username) => db.employee.findFirst({ where: { communityUsername: username } }),
    byExternalIds: (externalIds) =>
      db.employee.findMany({ where: { identities: { some: { externalId: { in: externalIds } } } }, orderBy: { externalId: "asc" } }),
    identity: (surface, externalId) => hotReads(db).identity(surface, externalId),
    identities: (employeeId) =>
      db.chatIdentity.findMany({
        where: { employeeId },
        select: { surface: true, externalId: true, employeeId: true, email: true },
        orderBy: [{ createdAt: "asc" }, { surface: "asc" }],
      }),
    async recordIdentityEmail(surface, externalId, email, at) {
      await db.chatIdentity.updateMany({ where: { surface, externalId }, data: { email, emailSeenAt: at } });
    },
    byIdentityEmail: (email) => db.employee.findMany({ where: { identities: { some: { email } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    async merge(survivorId, mergedId, email) {
      const [row] = await db.$queryRawUnsafe<Array<{ conflicts: string | null }>>(
        `SELECT advocate_merge_employees($1, $2, $3, 'email')::text AS conflicts`,
        survivorId,
        mergedId,
        email,
      );
      return row?.conflicts ? (JSON.parse(row.conflicts) as MergeConflict[]) : [];
    },
  };
}
