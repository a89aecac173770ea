// The real app as its own process, so its start-up time and memory are its own, not the bench's: compiled, as
// `npm start` runs it (dist/main.js, built beforehand by buildApp), or from the sources through tsx, as tests and
// fault runs use it (no build step to wait for). The bench's floors (bench/floors) start the same way.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
/** Node's flags of `npm start` (package.json), so the compiled app runs here exactly as it runs there. */
export const START_FLAGS = (() => {
  const start = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  return /^node ((?:--\S+ )*)scripts\/start\.mjs$/.exec(start)?.[1]?.trim().split(" ").filter(Boolean) ?? [];
})();
/** A start slower than this is a hang, not a slow machine. */
const START_DEADLINE_MS = 90_000;
/** The app gives itself 20 s to stop; past this it is killed. */
const STOP_DEADLINE_MS = 30_000;

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
  /**
   * With `watchLoop`: the p99 of the process's own event loop delay (ms) since the previous call (or its start),
   * measured inside it by bench/support/loopProbe.mjs; null when no delay was sampled.
   */
  loopDelayP99Ms(): Promise<number | null>;
  child: ChildProcess;
}

export interface StartOptions {
  /** Preload bench/support/loopProbe.mjs, read through `loopDelayP99Ms`. */
  watchLoop?: boolean;
  /** Write a V8 CPU profile of the process's whole life (`--cpu-prof`) into this directory when it stops. */
  cpuProfileDir?: string;
  /** Node's own flags, before the entry. */
  nodeFlags?: string[];
}

/**
 * A port nobody listens on now. Fixed ports let a run talk to another run's app (a soak left running, a second
 * checkout) and wait on it forever; the kernel's choice does not.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Refuses a port that something already answers on: /readyz would be answered by someone else's app. */
async function assertPortFree(port: number): Promise<void> {
  const taken = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} already answers HTTP: another app (a run left behind?) holds it`);
}

/** Compiles the app when dist/ is missing or stale, as `npm start` would, so that no timed start includes it. */
export function buildApp(): void {
  execFileSync(process.execPath, [path.join(ROOT, "scripts/start.mjs"), "--build-only"], { stdio: "inherit" });
}

export type Runtime = "compiled" | "source";

export async function startAppProcess(env: Record<string, string>, port: number, runtime: Runtime = "source", options: StartOptions = {}): Promise<AppProcess> {
  if (runtime === "source") return startNodeProcess("the app", path.join(ROOT, "src/main.ts"), env, port, options);
  return startNodeProcess("the app", path.join(ROOT, "dist/main.js"), env, port, { ...options, nodeFlags: START_FLAGS });
}

/**
 * Runs `entry` (a .js file as it is, a .ts file through tsx, which compiles each module once as it loads) with
 * `env` and PORT, and waits for its GET /readyz to answer 200.
 */
export async function startNodeProcess(
  name: string,
  entry: string,
  env: Record<string, string>,
  port: number,
  options: StartOptions = {},
): Promise<AppProcess> {
  await assertPortFree(port);
  const started = performance.now();
  const startedAt = Date.now();
  const loopDir = options.watchLoop ? mkdtempSync(path.join(tmpdir(), "bench-loop-")) : null;
  const loopFile = loopDir ? path.join(loopDir, "delay.json") : null;
  const args = [
    ...(options.nodeFlags ?? []),
    ...(options.cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir] : []),
    ...(loopFile ? ["--import", path.join(__dirname, "loopProbe.mjs")] : []),
    // tsx as a loader, not its CLI: the CLI would run the app in a grandchild that signals and RSS would miss.
    ...(entry.endsWith(".ts") ? ["--import", "tsx"] : []),
    entry,
  ];
  const log = appLog(name, port);
  const child = spawn(process.execPath, args, {
    cwd: path.join(ROOT, "bench"), // no .env here: the environment is exactly `env`
    env: { PATH: process.env.PATH ?? "", ...env, ...(loopFile ? { BENCH_LOOP_FILE: loopFile } : {}), PORT: String(port) },
    stdio: ["ignore", log, "pipe"],
  });
  // The child has its own copy of the log file's descriptor.
  if (typeof log === "number") closeSync(log);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (loopDir) void exited.then(() => rmSync(loopDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_DEADLINE_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} was not ready within ${START_DEADLINE_MS / 1000} s:\n${stderr}`);
    }
    const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const coldStartMs = performance.now() - started;
  let loopReadings = 0;
  const signal = async (sent: NodeJS.Signals) => {
    const running = child.exitCode === null && child.signalCode === null;
    if (running) child.kill(sent);
    const late = setTimeout(() => child.kill("SIGKILL"), STOP_DEADLINE_MS);
    await exited;
    clearTimeout(late);
    // The app exits 1 when its own shutdown deadline passes: a stop that hung is a finding, not a pass.
    if (running && sent === "SIGTERM" && child.exitCode !== 0)
      throw new Error(`${name} did not stop cleanly (exit ${child.exitCode ?? child.signalCode}):\n${stderr}`);
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
    loopDelayP99Ms: async () => {
      if (!loopFile) throw new Error(`${name} was started without watchLoop`);
      return readLoopProbe(child, loopFile, ++loopReadings);
    },
  };
}

/** SIGUSR2 asks the probe for its figure; it answers by writing the file, tagged with how many it was asked. */
async function readLoopProbe(child: ChildProcess, file: string, reading: number): Promise<number | null> {
  child.kill("SIGUSR2");
  const deadline = Date.now() + 10_000;
  for (;;) {
    const written = readJson(file) as { reading?: number; p99Ms?: number | null } | null;
    if (written?.reading === reading) return written.p99Ms ?? null;
    if (Date.now() > deadline) throw new Error("the event loop probe did not answer within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null; // not written yet, or half written
  }
}

/**
 * Where a process's own log (its stdout) goes: nowhere, or with BENCH_APP_LOG_DIR set, a file of its own there, so
 * a fault run's failure can be read afterwards from the app's side.
 */
function appLog(name: string, port: number): "ignore" | number {
  const dir = process.env.BENCH_APP_LOG_DIR;
  if (!dir) return "ignore";
  mkdirSync(dir, { recursive: true });
  return openSync(path.join(dir, `${name.replace(/\W+/g, "-")}-${port}-${Date.now()}.log`), "a");
}
