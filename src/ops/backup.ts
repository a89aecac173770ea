// `npm run backup` and `npm run restore`: a consistent copy of Advocate's database while it runs, and the way back
// with Advocate stopped. The embedded database is copied by the process that holds it (PGlite's own dump of its
// data folder); PostgreSQL by pg_dump, which reads one snapshot while the replicas go on writing.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { connectDatabase, type DatabaseTarget } from "../db/connect";
import { describeError } from "../db/describeError";
import { lockDataFolder } from "../db/dataFolderLock";
import { runningAdvocate } from "./runningAdvocate";

const run = promisify(execFile);

export interface BackupResult {
  file: string;
  bytes: number;
  via: "running-app" | "database" | "pg_dump";
}

export function defaultBackupFile(target: DatabaseTarget, at = new Date()): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `backups/advocate-${stamp}.${target.kind === "pglite" ? "tar.gz" : "pgdump"}`;
}

export async function backup(target: DatabaseTarget, file: string): Promise<BackupResult> {
  if (target.kind === "postgres") {
    const { url, env } = withoutPassword(target.url);
    await run("pg_dump", ["--format=custom", `--file=${file}`, ...schemaOption(target), url], { env });
    return { file, bytes: readFileSync(file).length, via: "pg_dump" };
  }
  const running = runningAdvocate(target.dataDir);
  const data = running ? new Uint8Array(await (await running.post("backup")).arrayBuffer()) : await dumpStopped(target);
  writeFileSync(file, data, { mode: 0o600 });
  return { file, bytes: data.length, via: running ? "running-app" : "database" };
}

async function dumpStopped(target: DatabaseTarget): Promise<Uint8Array> {
  const db = await connectDatabase(target);
  try {
    if (!db.embedded) throw new Error("not an embedded database");
    return await db.embedded.dump();
  } finally {
    await db.close();
  }
}

/**
 * Puts a backup in place of the database. Advocate must be stopped: on the embedded database the folder's lock
 * proves it (the folder as it was is kept beside it); on PostgreSQL the operator stops the replicas first.
 */
export async function restore(target: DatabaseTarget, file: string): Promise<{ keptAs: string | null }> {
  if (target.kind === "postgres") {
    if (!existsSync(file)) throw new Error(`no backup at ${file}`);
    const { url, env } = withoutPassword(target.url);
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", ...schemaOption(target), `--dbname=${url}`, file], { env });
    return { keptAs: null };
  }
  const folder = target.dataDir;
  const lock = lockDataFolder(folder);
  try {
    if (!existsSync(file)) throw new Error(`no backup at ${file}`);
    let keptAs: string | null = null;
    if (existsSync(folder) && readdirSync(folder).length) {
      keptAs = `${folder}.before-restore-${Date.now()}`;
      renameSync(folder, keptAs);
    }
    try {
      const pglite = await PGlite.create(folder, { loadDataDir: new Blob([readFileSync(file)]) });
      await pglite.query("SELECT 1");
      await pglite.close();
    } catch (error) {
      // Nothing half-restored: the folder goes back to what it was.
      rmSync(folder, { recursive: true, force: true });
      if (keptAs) renameSync(keptAs, folder);
      throw new Error(`${file} could not be restored, ${folder} is unchanged: ${describeError(error)}`);
    }
    return { keptAs };
  } finally {
    lock.release();
  }
}

/** The password goes to the tool in its environment (PGPASSWORD), not on its command line, where `ps` shows it. */
function withoutPassword(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function schemaOption(target: Extract<DatabaseTarget, { kind: "postgres" }>): string[] {
  return target.schema ? [`--schema=${target.schema}`] : [];
}
