import express, { type Router } from "express";
import type { ReadinessProbe } from "../core/ports";

/** /healthz: the process is up. /readyz: the database answers and every migration is applied. */
export function healthRouter(readiness: ReadinessProbe): Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const state = await readiness();
    if (state.ready) res.json({ status: state.status, database: state.database });
    else res.status(503).json({ status: state.status });
  });
  return router;
}
