// `npm start`: the compiled app (dist/), compiled first when it is missing or older than the sources, so that
// `npm install && npm start` needs nothing else and a start never runs yesterday's build. `npm run dev` runs the
// sources through tsx instead. `--build-only` compiles when needed and stops (the bench, before it times a start).
import { spawnSync } from "node:child_process";
import process from "node:process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = path.join(ROOT, "dist", "main.js");

/** The newest modification time under a folder, in milliseconds. */
function newest(folder) {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function upToDate() {
  if (!existsSync(ENTRY)) return false;
  const built = statSync(ENTRY).mtimeMs;
  return newest(path.join(ROOT, "src")) <= built && statSync(path.join(ROOT, "tsconfig.build.json")).mtimeMs <= built;
}

if (!upToDate()) {
  process.stderr.write("Compiling Advocate (npm run build)…\n");
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const built = spawnSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
  if (built.status !== 0) {
    process.stderr.write("Advocate failed to compile; see the errors above.\n");
    process.exit(1);
  }
}
if (!process.argv.includes("--build-only")) await import(pathToFileURL(ENTRY).href);
