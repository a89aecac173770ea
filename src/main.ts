// `npm start`: read .env when present, validate, start, and shut down cleanly on SIGINT/SIGTERM.
import { existsSync } from "node:fs";
import { loadConfig } from "./config";
import { createLogger } from "./logger";
import { connectDatabase, databaseTarget } from "./db/connect";
import { describeError } from "./db/describeError";

/** Within this, a stop has closed the server, the outbox worker and the database. */
const SHUTDOWN_DEADLINE_MS = 20_000;

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const result = loadConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`Advocate cannot start; fix these settings (see .env.example):\n${result.problems.map((p) => `  - ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  const logger = createLogger(result.config.LOG_LEVEL);
  // The database first: the embedded one starts on a thread of its own while the app's modules load on this one.
  const opening = connectDatabase(databaseTarget(result.config));
  opening.catch(() => undefined); // its failure is reported below, once awaited
  const { startAdvocate } = await import("./app");
  const database = await opening;
  const advocate = await startAdvocate(result.config, { logger, database });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // A stop that hangs (a peer that never answers) must not leave a process a supervisor waits on forever.
    setTimeout(() => {
      logger.error({ signal, afterMs: SHUTDOWN_DEADLINE_MS }, "shutdown did not finish in time; exiting anyway");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await advocate.stop();
    // Closing PGlite matters: an open embedded database keeps the process alive.
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Advocate failed to start: ${describeError(error)}\n`);
  process.exit(1);
});
