// `npm run import:directory -- <file.csv>`: HR's directory (email,name,department) into Advocate's database, the
// same one `npm start` uses (.env, DATABASE_URL or the embedded database). While Advocate runs on the embedded
// database the file goes through it (a second process must never open its folder); otherwise it is written here.
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { connectDatabase, databaseTarget } from "../src/db/connect";
import { migrate } from "../src/db/migrate";
import { prismaStore } from "../src/db/prismaStore";
import { importDirectory, type DirectoryImport } from "../src/core/hr/importDirectory";
import { runningAdvocate } from "../src/ops/runningAdvocate";
import { operatorEnv, requiredArgument, runOperatorCommand } from "./operatorCommand";

runOperatorCommand(async () => {
  const file = requiredArgument("usage: npm run import:directory -- <file.csv>");
  const csv = readFileSync(file, "utf8");
  const target = databaseTarget(operatorEnv());
  const importedBy = userInfo().username;
  const running = target.kind === "pglite" ? runningAdvocate(target.dataDir) : null;
  let result: DirectoryImport;
  if (running) {
    process.stdout.write(`Advocate is running (pid ${running.holder.pid}): importing through it\n`);
    result = (await (await running.post("directory", { contentType: "text/csv", data: csv }, { by: importedBy })).json()) as DirectoryImport;
  } else {
    const db = await connectDatabase(target);
    try {
      await migrate(db.sql);
      result = await importDirectory({ store: prismaStore(db.prisma), clock: { now: () => new Date() } }, csv, { importedBy, via: "database" });
    } finally {
      await db.close();
    }
  }
  process.stdout.write(`${result.imported} rows imported\n`);
  for (const problem of result.problems) process.stdout.write(`row ${problem.row}: ${problem.reason}\n`);
  return result.problems.length ? 2 : 0;
});
