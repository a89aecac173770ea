// What the embedded database's thread and the app's thread say to each other (types only: both sides import it).

/** One raw result set: every value as PostgreSQL's text, parsed on the app's side where the caller's parsers live. */
export interface RawResult {
  fields: { name: string; dataTypeID: number }[];
  rows: (string | null)[][];
  affectedRows?: number;
}

/** Someone is waiting for the answer (a click, a page), or nobody is (the outbox's work). */
export type Priority = "person" | "background";

/** Which transaction a statement belongs to, and whether it opens or ends it (BEGIN, COMMIT or ROLLBACK). */
export interface InTransaction {
  id: number;
  boundary?: "opens" | "ends";
}

export type Statement = { op: "query"; sql: string; params: unknown[]; paramTypes?: number[] } | { op: "exec"; sql: string } | { op: "dump" } | { op: "close" };

export type ThreadRequest = Statement & { id: number; priority: Priority; transaction?: InTransaction };

/** A PostgreSQL error's fields (code, detail, constraint, …), carried as plain values. */
export type DatabaseErrorFields = { message: string } & Record<string, string | number | undefined>;

export type ThreadReply =
  | { type: "ready"; arrayTypes: { oid: number; typarray: number }[] }
  | { type: "failed"; message: string }
  | { type: "result"; id: number; result: RawResult | RawResult[] | Uint8Array | null }
  | { type: "error"; id: number; databaseError: boolean; fields: DatabaseErrorFields };
