import type { EmployeeRepo } from "../../core/ports";
import { withoutId, type Db } from "./db";

export function employeeRepo(db: Db): EmployeeRepo {
  return {
    byId: (id) => db.employee.findUnique({ where: { id } }),
    async ensure(surface, externalId, displayName) {
      // Nearly every interaction comes from someone Advocate knows: a plain read then, no write and no row lock
      // (fifty clicks from one person at once queued behind each other's upserts).
      const known = await db.employee.findUnique({ where: { surface_externalId: { surface, externalId } } });
      return (
        known ??
        db.employee.upsert({
          where: { surface_externalId: { surface, externalId } },
          create: { surface, externalId, displayName: displayName ?? null },
          // The chat profile's name (set when linking) wins over the handle an interaction carries.
          update: {},
        })
      );
    },
    update: (id, patch) => db.employee.update({ where: { id }, data: withoutId(patch) }),
    byCommunityUsername: (username) => db.employee.findFirst({ where: { communityUsername: username } }),
    byExternalIds: (externalIds) => db.employee.findMany({ where: { externalId: { in: externalIds } }, orderBy: { externalId: "asc" } }),
  };
}
