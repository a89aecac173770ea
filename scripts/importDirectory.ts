// `npm run import:directory -- <file.csv>`: HR's directory (email,name,department) into Advocate's database, the
// same one `npm start` uses (.env, DATABASE_URL or the embedded database), migrated first.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { connectDatabase } from "../src/db/connect";
import { migrate } from "../src/db/migrate";
import { prismaStore } from "../src/db/prismaStore";
import { importDirectory } from "../src/core/hr/importDirectory";

// Only the database settings: importing needs neither Slack, Teams nor Discourse.
const databaseEnv = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  ADVOCATE_DATA_DIR: z.string().min(1).default("./data"),
});

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run import:directory -- <file.csv>");
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = databaseEnv.parse(process.env);
  const db = await connectDatabase(env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: path.resolve(env.ADVOCATE_DATA_DIR) });
  try {
    await migrate(db.sql);
    const result = await importDirectory({ store: prismaStore(db.prisma), clock: { now: () => new Date() } }, readFileSync(file, "utf8"));
    process.stdout.write(`${result.imported} rows imported\n`);
    for (const problem of result.problems) process.stdout.write(`row ${problem.row}: ${problem.reason}\n`);
    process.exitCode = result.problems.length ? 2 : 0;
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
