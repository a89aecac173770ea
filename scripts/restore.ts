// `npm run restore -- <file>`: puts a backup in place of Advocate's database; Advocate must be stopped.
import { databaseTarget } from "../src/db/connect";
import { restore } from "../src/ops/backup";
import { operatorEnv, requiredArgument, runOperatorCommand } from "./operatorCommand";

runOperatorCommand(async () => {
  const file = requiredArgument("usage: npm run restore -- <backup file> (with Advocate stopped)");
  const target = databaseTarget(operatorEnv());
  const { keptAs } = await restore(target, file);
  process.stdout.write(`restored ${file}${keptAs ? `; the folder as it was is kept in ${keptAs}` : ""}. Start Advocate again with npm start.\n`);
  return 0;
});
