// The embedded database seen from the app's thread: PGlite's query, exec and transaction, carried out on a thread of
// its own (pgliteThread.worker.ts). Values come back as PostgreSQL's text and are parsed here with PGlite's own
// parsers and the caller's, so Prisma's PGlite adapter and the migrations see what PGlite itself would return.
// Statements are sent as they come, each marked with its transaction and its priority; the thread orders them.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { messages, types, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import type { InTransaction, RawResult, Statement, ThreadReply, ThreadRequest } from "./threadMessages";
import { currentPriority } from "./workPriority";

type Parsers = NonNullable<QueryOptions["parsers"]>;
type Pending = { resolve: (result: unknown) => void; reject: (error: Error) => void };

/** The part of PGlite's interface the app and Prisma's adapter use. */
export interface PGliteClient {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

export class PGliteThread implements PGliteClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #parsers: Parsers = { ...types.parsers };
  #nextId = 1;
  #nextTransaction = 1;
  #stopped: Error | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /** Opens the folder (or `memory://…`) on a new thread; rejects with PGlite's reason if it cannot. */
  static async open(dataDir: string): Promise<PGliteThread> {
    const thread = new PGliteThread(startWorker(dataDir));
    await thread.#started();
    return thread;
  }

  query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    return this.#query<T>(sql, params, options);
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.#exec(sql, options);
  }

  /**
   * PGlite's own transaction semantics: commit when the work returns, roll back when it throws or asks to; the
   * thread runs nothing else between BEGIN and the end.
   */
  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = this.#nextTransaction++;
    await this.#exec("BEGIN", undefined, { id, boundary: "opens" });
    let closed = false;
    const within = { id };
    const open = () => {
      if (closed) throw new Error("Transaction is closed");
    };
    const end = (sql: "COMMIT" | "ROLLBACK") => {
      closed = true;
      return this.#exec(sql, undefined, { id, boundary: "ends" });
    };
    const tx: Transaction = {
      query: async (sql, params, options) => (open(), this.#query(sql, params, options, within)),
      sql: () => Promise.reject(new Error("tagged-template queries are not used on the embedded database")),
      exec: async (sql, options) => (open(), this.#exec(sql, options, within)),
      // Closed before the ROLLBACK is sent: Prisma's adapter does not wait for it before ending the work.
      rollback: async () => {
        open();
        await end("ROLLBACK");
      },
      listen: () => Promise.reject(new Error("LISTEN is not used on the embedded database")),
      get closed() {
        return closed;
      },
    };
    try {
      const result = await work(tx);
      if (!closed) await end("COMMIT");
      return result;
    } catch (error) {
      if (!closed) await end("ROLLBACK");
      throw error;
    }
  }

  /** A gzipped tar of the data folder (PGlite's own format), taken with no statement running. */
  async dump(): Promise<Uint8Array> {
    return (await this.#call({ op: "dump" })) as Uint8Array;
  }

  async close(): Promise<void> {
    if (this.#stopped) return;
    await this.#call({ op: "close" });
    this.#stopped = new Error("the embedded database is closed");
    await this.#worker.terminate();
  }

  async #query<T>(sql: string, params: unknown[] = [], options?: QueryOptions, transaction?: InTransaction): Promise<Results<T>> {
    const raw = (await this.#call({ op: "query", sql, params, paramTypes: options?.paramTypes }, transaction)) as RawResult;
    return this.#parse<T>(raw, options);
  }

  async #exec(sql: string, options?: QueryOptions, transaction?: InTransaction): Promise<Results[]> {
    const raws = (await this.#call({ op: "exec", sql }, transaction)) as RawResult[];
    return raws.map((raw) => this.#parse(raw, options));
  }

  /** As PGlite's parseType, with each column's parser looked up once (merging the parser tables per query cost ~50 µs). */
  #parse<T>(raw: RawResult, options?: QueryOptions): Results<T> {
    const columns = raw.fields.map(({ dataTypeID }) => {
      const parse: types.Parser | undefined = options?.parsers?.[dataTypeID] ?? this.#parsers[dataTypeID];
      return { dataTypeID, parse };
    });
    const value = (text: string | null, i: number) => {
      const { dataTypeID, parse } = columns[i]!;
      return text === null || !parse ? text : parse(text, dataTypeID);
    };
    const arrays = raw.rows.map((row) => row.map(value));
    const rows = options?.rowMode === "array" ? arrays : arrays.map((values) => Object.fromEntries(raw.fields.map((field, i) => [field.name, values[i]])));
    return { fields: raw.fields, rows: rows as T[], affectedRows: raw.affectedRows };
  }

  #call(statement: Statement, transaction?: InTransaction): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const request: ThreadRequest = { ...statement, id: this.#nextId++, priority: currentPriority(), transaction };
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  #started(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#worker.on("message", (reply: ThreadReply) => {
        switch (reply.type) {
          case "ready":
            this.#addArrayParsers(reply.arrayTypes);
            return resolve();
          case "failed":
            this.#stop(new Error(reply.message));
            return reject(new Error(reply.message));
          case "result":
            return this.#settle(reply.id, (pending) => pending.resolve(reply.result));
          case "error":
            return this.#settle(reply.id, (pending) => pending.reject(toError(reply)));
        }
      });
      // A WebAssembly abort ends the thread: every statement waiting fails, and so does every later one.
      this.#worker.on("error", (error) => {
        this.#stop(new Error(`the embedded database stopped: ${error.message}`));
        reject(error);
      });
      this.#worker.on("exit", (code) => {
        this.#stop(new Error(`the embedded database stopped (exit ${code})`));
        reject(this.#stopped);
      });
    });
  }

  #settle(id: number, settle: (pending: Pending) => void): void {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (pending) settle(pending);
  }

  #stop(reason: Error): void {
    this.#stopped ??= reason;
    for (const pending of this.#pending.values()) pending.reject(this.#stopped);
    this.#pending.clear();
  }

  /** As PGlite does at start: each array type parsed with its element's parser. */
  #addArrayParsers(arrayTypes: { oid: number; typarray: number }[]): void {
    for (const { oid, typarray } of arrayTypes) this.#parsers[typarray] = (text: string) => types.arrayParser(text, this.#parsers[oid]!, typarray);
  }
}

/** PostgreSQL's errors come back as PGlite's own DatabaseError, which Prisma's adapter turns into its error codes. */
function toError(reply: Extract<ThreadReply, { type: "error" }>): Error {
  const { message, ...fields } = reply.fields;
  if (!reply.databaseError) return Object.assign(new Error(message), fields);
  const length = typeof fields.length === "number" ? fields.length : 0;
  return Object.assign(new messages.DatabaseError(message, length, "error"), fields);
}

/** Compiled, the thread runs the .js beside this file; under tsx or jest it runs the TypeScript through tsx's hook. */
function startWorker(dataDir: string): Worker {
  const extension = path.extname(__filename);
  const file = path.join(__dirname, `pgliteThread.worker${extension}`);
  if (extension !== ".ts") return new Worker(file, { workerData: { dataDir } });
  // Absolute: an eval'd worker resolves from the working directory, which need not be the app's.
  const tsx = require.resolve("tsx/cjs");
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(file)});`, { eval: true, workerData: { dataDir } });
}
