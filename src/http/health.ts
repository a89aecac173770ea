import express, { type Router } from "express";
import type { Database } from "../db/connect";
import { migrationsApplied } from "../db/migrate";

/** /healthz: the process is up. /readyz: the database answers and every migration is applied. */
export function healthRouter(db: Database): Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await db.sql.query("SELECT 1");
      if (!(await migrationsApplied(db.sql))) {
        res.status(503).json({ status: "migrations pending" });
        return;
      }
      res.json({ status: "ready", database: db.kind });
    } catch {
      res.status(503).json({ status: "database unreachable" });
    }
  });
  return router;
}
