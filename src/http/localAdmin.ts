// The running Advocate's local admin API, for the operator's commands while it holds the embedded database:
// `npm run import:directory` and `npm run backup` hand their work to it instead of opening the folder beside it.
// Only from this machine, and only with the token the process wrote into its data folder's lock (readable by the
// folder's owner alone).
import { timingSafeEqual } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import { z } from "zod";
import type { DirectoryImport } from "../core/hr";

export const LOCAL_ADMIN_PATHS = { directory: "/local/directory", backup: "/local/backup" } as const;

export interface LocalAdminDeps {
  token: string;
  importDirectory(csv: string, importedBy: string): Promise<DirectoryImport>;
  backup(): Promise<Uint8Array>;
}

const importQuery = z.object({ by: z.string().trim().min(1).max(100) });

export function localAdminRouter(deps: LocalAdminDeps): Router {
  const router = express.Router();
  const allowed = (req: Request, res: Response): boolean => {
    if (!isLoopback(req.socket.remoteAddress) || !hasToken(req.get("authorization"), deps.token)) {
      res.status(403).type("text/plain").send("forbidden\n");
      return false;
    }
    return true;
  };
  router.post(LOCAL_ADMIN_PATHS.directory, express.text({ type: "text/csv", limit: "20mb" }), async (req, res) => {
    if (!allowed(req, res)) return;
    const query = importQuery.safeParse(req.query);
    if (!query.success || typeof req.body !== "string") {
      res.status(400).type("text/plain").send("expected a text/csv body and ?by=<who imports>\n");
      return;
    }
    res.json(await deps.importDirectory(req.body, query.data.by));
  });
  router.post(LOCAL_ADMIN_PATHS.backup, async (req, res) => {
    if (!allowed(req, res)) return;
    res.type("application/gzip").send(Buffer.from(await deps.backup()));
  });
  return router;
}

function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

function hasToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
