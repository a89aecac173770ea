import type { Db } from "./db";
import type { HrRepo } from "../../core/hr";

export function hrRepo(db: Db): HrRepo {
  return {
    async isGranted(userId) {
      return (await db.hrGrant.count({ where: { userId } })) > 0;
    },
    async grant(userId, grantedBy, at) {
      const { count } = await db.hrGrant.createMany({ data: [{ userId, grantedBy, grantedAt: at }], skipDuplicates: true });
      return count > 0;
    },
    async revoke(userId) {
      const { count } = await db.hrGrant.deleteMany({ where: { userId } });
      return count > 0;
    },
    async audit(entry) {
      await db.reportAudit.create({ data: entry });
    },
  };
}
