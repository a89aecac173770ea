// The real app as its own process (`src/main.ts`), so its start-up time and memory are its own, not the bench's.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export interface AppProcess {
  url: string;
  /** Milliseconds from spawn to the first 200 from /readyz. */
  coldStartMs: number;
  /** When it was spawned and when /readyz first answered 200 (epoch ms). */
  startedAt: number;
  readyAt: number;
  rssMb(): number;
  /** SIGTERM and wait (a clean stop closes the embedded database). */
  stop(): Promise<void>;
  /** SIGKILL: no clean-up at all, as a crash or an OOM kill. */
  kill(): Promise<void>;
  child: ChildProcess;
}

export async function startAppProcess(env: Record<string, string>, port: number): Promise<AppProcess> {
  const started = performance.now();
  const startedAt = Date.now();
  // tsx as a loader, not its CLI: the CLI would run the app in a grandchild that signals and RSS would miss.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/main.ts")], {
    cwd: path.join(ROOT, "bench"), // no .env here: the environment is exactly `env`
    env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${stderr}`);
    const ready = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const coldStartMs = performance.now() - started;
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url,
    coldStartMs,
    startedAt,
    readyAt: startedAt + coldStartMs,
    child,
    rssMb: () => {
      // VmRSS of the process itself, as the kernel counts it.
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
    },
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
  };
}
