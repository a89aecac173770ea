// One process per embedded data folder. PGlite takes no lock of its own, and two processes writing one folder
// leave it unreadable, so Advocate holds `<folder>.lock` (beside the folder: PGlite refuses to create a database
// in a folder that holds a foreign file). The lock names its holder, so a second process can say who holds it,
// and carries a random token with which the holder's local admin API accepts the CLI's imports and backups.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { z } from "zod";

const holderSchema = z.object({
  pid: z.number().int().positive(),
  /** The kernel's start time of the process (Linux), so a recycled pid is not mistaken for the holder. */
  processStart: z.string().nullable(),
  host: z.string(),
  startedAt: z.string(),
  command: z.string(),
  token: z.string(),
  /** Where the holder's HTTP server answers, once it listens. */
  url: z.string().nullable(),
});

export type LockHolder = z.infer<typeof holderSchema>;

/** The folder is held by another live process: a message in words, naming it and what to do instead. */
export class DataFolderBusyError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${folder} is in use by another process (pid ${holder.pid} on ${holder.host}, "${holder.command}", ` +
        `since ${holder.startedAt}). Only one process may open it at a time. Stop that process first, or let the running ` +
        `Advocate do the work: npm run import:directory and npm run backup go through it.`,
    );
    this.name = "DataFolderBusyError";
  }
}

export interface DataFolderLock {
  readonly file: string;
  readonly token: string;
  /** Records where this process's HTTP server answers, for the CLI. */
  announce(url: string): void;
  release(): void;
}

export function lockFileOf(folder: string): string {
  return `${path.resolve(folder)}.lock`;
}

/** Takes the folder's lock, taking over one whose process is gone; throws DataFolderBusyError if it is held. */
export function lockDataFolder(folder: string, command = commandLine()): DataFolderLock {
  const file = lockFileOf(folder);
  mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockHolder = {
    pid: process.pid,
    processStart: processStartOf(process.pid),
    host: hostname(),
    startedAt: new Date().toISOString(),
    command,
    token: randomBytes(32).toString("base64url"),
    url: null,
  };
  // Written whole to a private file, then linked into place: link(2) fails if the lock exists, and a reader never
  // sees a half-written lock.
  const draft = `${file}.${process.pid}.draft`;
  writeFileSync(draft, JSON.stringify(mine), { mode: 0o600 });
  try {
    for (let tries = 0; ; tries++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if (!isCode(error, "EEXIST") || tries > 20) throw error;
      }
      const holder = readLockHolder(folder);
      if (holder && isAlive(holder)) throw new DataFolderBusyError(path.resolve(folder), holder);
      takeOverStale(file, draft, holder);
    }
  } finally {
    unlinkQuietly(draft);
  }
  const release = () => {
    const holder = readLockHolder(folder);
    if (holder?.pid === process.pid && holder.token === mine.token) unlinkQuietly(file);
    process.removeListener("exit", release);
  };
  // A clean exit without close() (an uncaught error) still frees the folder; kill -9 leaves a lock the next start takes over.
  process.on("exit", release);
  return {
    file,
    token: mine.token,
    announce(url) {
      const replacement = `${file}.${process.pid}.next`;
      writeFileSync(replacement, JSON.stringify({ ...mine, url }), { mode: 0o600 });
      renameSync(replacement, file);
    },
    release,
  };
}

/** The folder's lock holder as written, or null when nobody holds it (or the lock is unreadable). */
export function readLockHolder(folder: string): LockHolder | null {
  return readLockFile(lockFileOf(folder));
}

function readLockFile(file: string): LockHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote the lock still runs; a holder on another host is taken to be alive. */
export function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (isCode(error, "ESRCH")) return false;
  }
  const start = processStartOf(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

/**
 * Removes a lock whose process is gone. A guard file, made with link(2) too, lets only one of several starting
 * processes do it, so none removes a lock that another has just taken.
 */
function takeOverStale(file: string, draft: string, stale: LockHolder | null): void {
  const guard = `${file}.takeover`;
  try {
    linkSync(draft, guard);
  } catch (error) {
    if (!isCode(error, "EEXIST")) throw error;
    // A guard older than a few seconds was left by a process that died while taking over.
    if (Date.now() - mtimeOf(guard) > 5000) unlinkQuietly(guard);
    return;
  }
  try {
    const now = readLockFile(file);
    const same = stale === null ? now === null : now?.pid === stale.pid && now.token === stale.token;
    if (same) unlinkQuietly(file);
  } finally {
    unlinkQuietly(guard);
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. Null off Linux. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function commandLine(): string {
  const script = process.argv[1] ? path.basename(process.argv[1]) : "node";
  return process.env.npm_lifecycle_event ? `npm run ${process.env.npm_lifecycle_event}` : script;
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
