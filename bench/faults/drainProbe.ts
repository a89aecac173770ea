// Watches the outbox drain after kill -9: what the stand-ins still miss and what the outbox still holds and why
// (counts by reason, waiting.ts). On PostgreSQL the probe reads the database whenever it likes: after every kill and
// every second while the last restart drains. PGlite's folder belongs to the running app alone (a second reader
// would corrupt it), so there the outbox is read only while no app runs: after the last kill, before the restart
// (the probe's PGlite then does the crash recovery the app would), and after the app stops (Scenario.verify).
import { loadConfig } from "../../src/config";
import { connectDatabase, type Database } from "../../src/db/connect";
import type { DatabaseEnv } from "../support/database";
import { countReasons, readWaiting, summarize, type LiveProcess, type ReasonCount, type Waiting } from "./waiting";

export interface Missing {
  cards: number;
  publications: number;
  echoes: number;
}

export interface DrainSample {
  /** Whole seconds since the restarted app was ready. */
  second: number;
  missing: Missing;
  /** Pending outbox items by why they wait (null on PGlite, or when the read failed). */
  reasons: ReasonCount[] | null;
}

/** How long a lane lease lasts in the app started with `env`. */
export function leaseMsOf(env: Record<string, string>): number {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(`the app's environment is invalid: ${loaded.problems.join("; ")}`);
  return loaded.config.OUTBOX_LEASE_MS;
}

export class DrainProbe {
  readonly samples: DrainSample[] = [];

  private constructor(
    /** PostgreSQL: open for the whole run. */
    private readonly db: Database | null,
    /** PGlite: opened only while no app runs. */
    private readonly dataDir: string | null,
    private readonly log: (line: string) => void,
  ) {}

  static async open(databaseEnv: DatabaseEnv, log: (line: string) => void): Promise<DrainProbe> {
    return "DATABASE_URL" in databaseEnv
      ? new DrainProbe(await connectDatabase({ kind: "postgres", url: databaseEnv.DATABASE_URL }), null, log)
      : new DrainProbe(null, databaseEnv.ADVOCATE_DATA_DIR, log);
  }

  /** What the killed process left behind, read before the restart: on PostgreSQL after every kill, on PGlite after the last. */
  async afterKill(trial: number, last: boolean): Promise<void> {
    const waiting = this.db ? await readWaiting(this.db.sql) : last ? await this.readFolder() : null;
    if (waiting) this.log(`after kill ${trial}: outbox ${summarize(waiting, null)}`);
  }

  /** PGlite's folder, while no app holds it. */
  private async readFolder(): Promise<Waiting[] | null> {
    if (!this.dataDir) return null;
    const db = await connectDatabase({ kind: "pglite", dataDir: this.dataDir });
    try {
      return await readWaiting(db.sql);
    } finally {
      await db.close();
    }
  }

  /** Samples once a second, counting from `readyAt`, until the returned stop is called. */
  watch(live: NonNullable<LiveProcess>, readyAt: number, missing: () => Missing): () => Promise<void> {
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        const started = Date.now();
        await this.sample(live, readyAt, missing());
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started))));
      }
    })();
    return async () => {
      stopped = true;
      await loop;
    };
  }

  async close(): Promise<void> {
    await this.db?.close();
  }

  private async sample(live: NonNullable<LiveProcess>, readyAt: number, missing: Missing): Promise<void> {
    const waiting = this.db ? await readWaiting(this.db.sql).catch(() => null) : null;
    const second = Math.round((Date.now() - readyAt) / 1000);
    this.samples.push({ second, missing, reasons: waiting && countReasons(waiting, live) });
    const held = this.db ? (waiting ? `outbox ${summarize(waiting, live)}` : "outbox unreadable") : "outbox read after the app stops";
    this.log(`drain +${second}s: missing ${missing.cards} cards, ${missing.publications} publications, ${missing.echoes} echoes; ${held}`);
  }
}
