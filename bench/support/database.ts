// A throw-away database for one bench run: a PGlite folder in tmp, or a database made on the server and dropped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";

export type DatabaseKind = "PGlite" | "PostgreSQL";

/** The app's environment for it: ADVOCATE_DATA_DIR or DATABASE_URL. */
export type DatabaseEnv = { ADVOCATE_DATA_DIR: string } | { DATABASE_URL: string };

export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function withDatabase<T>(kind: DatabaseKind, work: (env: DatabaseEnv) => Promise<T>, label = "bench"): Promise<T> {
  if (kind === "PGlite") {
    const dir = mkdtempSync(path.join(tmpdir(), `advocate-${label}-`));
    try {
      return await work({ ADVOCATE_DATA_DIR: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const name = `advocate_${label}_${process.pid}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    return await work({ DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
