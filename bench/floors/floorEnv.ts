// What both floor processes share: their settings from the environment, and a clean exit on SIGTERM.
import type { Server } from "node:http";

export function floorEnv<Name extends string>(names: Name[]): Record<Name, string> {
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length) throw new Error(`the floor needs ${missing.join(", ")}`);
  return Object.fromEntries(names.map((name) => [name, process.env[name]])) as Record<Name, string>;
}

/** Exits 0 at once: a floor holds nothing to finish, and appProcess takes any other exit for a failed stop. */
export function stopOnSigterm(server: Server): void {
  process.once("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
