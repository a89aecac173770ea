import type { EmployeeRepo } from "../../core/ports";
import { withoutId, type Db } from "./db";

export function employeeRepo(db: Db): EmployeeRepo {
  return {
    byId: (id) => db.employee.findUnique({ where: { id } }),
    ensure: (surface, externalId, displayName) =>
      db.employee.upsert({
        where: { surface_externalId: { surface, externalId } },
        create: { surface, externalId, displayName: displayName ?? null },
        // The chat profile's name (set when linking) wins over the handle an interaction carries.
        update: {},
      }),
    update: (id, patch) => db.employee.update({ where: { id }, data: withoutId(patch) }),
    byCommunityUsername: (username) => db.employee.findFirst({ where: { communityUsername: username } }),
    byExternalIds: (externalIds) => db.employee.findMany({ where: { externalId: { in: externalIds } }, orderBy: { externalId: "asc" } }),
  };
}
