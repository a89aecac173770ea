// `npm run backup [-- <file>]`: a consistent copy of Advocate's database, taken while it runs (see docs/operations.md).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseTarget } from "../src/db/connect";
import { backup, defaultBackupFile } from "../src/ops/backup";
import { operatorEnv, runOperatorCommand } from "./operatorCommand";

runOperatorCommand(async () => {
  const file = process.argv[2];
  const target = databaseTarget(operatorEnv());
  const destination = file ?? defaultBackupFile(target);
  mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const result = await backup(target, destination);
  const how = { "running-app": "by the running Advocate", database: "from the stopped database", pg_dump: "by pg_dump" }[result.via];
  process.stdout.write(`backup written to ${result.file} (${Math.round(result.bytes / 1024)} KB, taken ${how})\n`);
  return 0;
});
