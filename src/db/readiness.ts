// Ready: the database answers and every migration on disk is applied (what /readyz and the console's operations
// page show).
import type { ReadinessProbe } from "../core/ports";
import type { Database } from "./connect";
import { migrationsApplied } from "./migrate";

export function databaseReadiness(db: Database): ReadinessProbe {
  return async () => {
    try {
      await db.sql.query("SELECT 1");
      if (!(await migrationsApplied(db.sql))) return { ready: false, status: "migrations pending" };
      return { ready: true, status: "ready", database: db.kind };
    } catch {
      return { ready: false, status: "database unreachable" };
    }
  };
}
