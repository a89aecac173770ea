// What the operator's commands (import, backup, restore) share: the database settings from .env and the
// environment, and one way to fail: a sentence on stderr and a non-zero exit, never a stack.
import { existsSync } from "node:fs";
import { z } from "zod";

// Only the database settings: these commands need neither Slack, Teams nor Discourse.
const databaseEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  ADVOCATE_DATA_DIR: z.string().min(1).default("./data"),
});

export function operatorEnv(): z.infer<typeof databaseEnv> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  return databaseEnv.parse(process.env);
}

/** The command's one argument, or a stop with its usage. */
export function requiredArgument(usage: string): string {
  const argument = process.argv[2];
  if (argument) return argument;
  process.stderr.write(`${usage}\n`);
  process.exit(1);
}

/** Runs the command; its result is the exit code. */
export function runOperatorCommand(work: () => Promise<number>): void {
  work().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
