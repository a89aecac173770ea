// The embedded database's own thread: PostgreSQL's WebAssembly, PGlite's file system layer and the wire protocol run
// here, so the app's event loop stays free to acknowledge Slack and Teams while a statement runs (on the app's
// thread they held it 300-530 ms at p99 under load). Statements queue here, in SessionQueue's order, so the session
// never waits for the app's thread between one and the next.
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from "node:worker_threads";
import { PGlite, messages, type Results } from "@electric-sql/pglite";
import { describeError } from "../describeError";
import { extendedQuery } from "./extendedQuery";
import { SessionQueue } from "./sessionQueue";
import type { DatabaseErrorFields, RawResult, ThreadReply, ThreadRequest } from "./threadMessages";

if (!parentPort) throw new Error("pgliteThread.worker runs as a worker thread");
const port: MessagePort = parentPort;
const say = (reply: ThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

// The same list PGlite builds its array parsers from; the app's side needs it to parse arrays the same way.
const ARRAY_TYPES = `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
  WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray ORDER BY b.oid`;

async function open(dataDir: string): Promise<void> {
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    say({ type: "failed", message: describeError(error) });
    return;
  }
  const arrayTypes = (await db.query<{ oid: number; typarray: number }>(ARRAY_TYPES)).rows;
  // Every type comes back as text: parsers are functions, which cannot cross to the app's thread. Set as the
  // instance's own table rather than passed with each statement, which PGlite would merge into it every time.
  db.parsers = Object.fromEntries(Object.keys(db.parsers).map((oid) => [oid, (text: string) => text]));
  const raw = (result: Results): RawResult => ({ fields: result.fields, rows: result.rows as (string | null)[][], affectedRows: result.affectedRows });

  const run = async (request: ThreadRequest): Promise<void> => {
    try {
      switch (request.op) {
        case "query":
          return say({ type: "result", id: request.id, result: await extendedQuery(db, request.sql, request.params, request.paramTypes) });
        case "exec":
          return say({ type: "result", id: request.id, result: (await db.exec(request.sql, { rowMode: "array" })).map(raw) });
        case "dump": {
          // Written-back pages make the copy start without replaying the log; the log makes it consistent anyway.
          await db.exec("CHECKPOINT");
          const tar = await db.dumpDataDir("gzip");
          const bytes = new Uint8Array(await tar.arrayBuffer());
          return say({ type: "result", id: request.id, result: bytes }, [bytes.buffer as ArrayBuffer]);
        }
        case "close":
          await db.close();
          say({ type: "result", id: request.id, result: null });
          return port.close();
      }
    } catch (error) {
      say({ type: "error", id: request.id, databaseError: error instanceof messages.DatabaseError, fields: errorFields(error) });
    }
  };

  // One statement at a time (PGlite has one session); the dump reads the files with nothing else running.
  const queue = new SessionQueue();
  let running = false;
  // A statement runs to its end without this thread's event loop turning, so what arrived meanwhile is still in the
  // port: taken in before choosing, or the order would be the port's, first come first served.
  const takeIn = () => {
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port))
      queue.add(message.message as ThreadRequest, performance.now());
  };
  const pump = () => {
    if (running) return;
    takeIn();
    const next = queue.next(performance.now());
    if (!next) return;
    running = true;
    void run(next).finally(() => {
      running = false;
      pump();
    });
  };
  port.on("message", (request: ThreadRequest) => {
    queue.add(request, performance.now());
    pump();
  });
  say({ type: "ready", arrayTypes });
}

/** A PostgreSQL error's own fields; its query options hold functions, which cannot be sent. */
function errorFields(error: unknown): DatabaseErrorFields {
  const fields: DatabaseErrorFields = { message: describeError(error) };
  if (typeof error !== "object" || error === null) return fields;
  for (const [key, value] of Object.entries(error)) if (typeof value === "string" || typeof value === "number") fields[key] = value;
  return fields;
}

void open((workerData as { dataDir: string }).dataDir);
