// Use cases say what they need (`Pick<CoreDeps, "store" | "clock">`), so a reader and a test see it at once; only
// the registries, which hand the core's context to whatever kind of work or verb comes, take all of it.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const CORE = path.resolve(__dirname, "../../src/core");
const REGISTRIES = ["outbox/handleMessage.ts", "outbox/jobHandlers.ts", "commands/commandVerbs.ts", "commands/runCommand.ts", "deps.ts"];

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(folder, entry.name)) : entry.name.endsWith(".ts") ? [path.join(folder, entry.name)] : [],
  );
}

test("no use case takes the whole CoreDeps", () => {
  const whole = files(CORE)
    .filter((file) => !REGISTRIES.includes(path.relative(CORE, file)))
    .filter((file) => /\bdeps\??: CoreDeps\b/.test(readFileSync(file, "utf8")))
    .map((file) => path.relative(CORE, file));
  expect(whole).toEqual([]);
});
