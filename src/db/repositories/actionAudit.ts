import type { Db } from "./db";
import type { ActionAuditRepo } from "../../core/policy";

export function actionAuditRepo(db: Db): ActionAuditRepo {
  return {
    async record(entry) {
      await db.actionAudit.create({ data: entry });
    },
    async latest(limit) {
      const rows = await db.actionAudit.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
      return rows.map((row) => ({ ...row, id: String(row.id) }));
    },
  };
}
