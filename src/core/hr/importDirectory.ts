// HR's directory from CSV (email,name,department with a header): good rows upserted one by one, so a bad or
// failing row never leaves another half-written; bad rows reported by row number (the header is row 1). Every
// import is audited: who ran it, through which path, and how it went.
import { parse } from "csv-parse/sync";
import type { CoreDeps } from "../deps";
import type { DirectoryEntry, DirectoryImportAudit } from "./directoryRepo";

export interface DirectoryImport {
  imported: number;
  problems: Array<{ row: number; reason: string }>;
}

const COLUMNS = ["email", "name", "department"] as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Who asked for the import, and whether it came through the running app or straight into the database. */
export type ImportRequest = Pick<DirectoryImportAudit, "importedBy" | "via">;

export async function importDirectory(deps: Pick<CoreDeps, "store" | "clock">, csvText: string, request: ImportRequest): Promise<DirectoryImport> {
  const result = await importRows(deps, csvText);
  await deps.store.directory.recordImport({ ...request, imported: result.imported, problems: result.problems.length, at: deps.clock.now() });
  return result;
}

async function importRows(deps: Pick<CoreDeps, "store" | "clock">, csvText: string): Promise<DirectoryImport> {
  let records: string[][];
  try {
    // Blank lines are kept as records, so row numbers stay those a spreadsheet shows (for one-line rows).
    records = parse(csvText, { bom: true, trim: true, relax_column_count: true });
  } catch (error) {
    return { imported: 0, problems: [{ row: 0, reason: `not readable as CSV: ${(error as Error).message}` }] };
  }
  const [header = [], ...rows] = records;
  const index = COLUMNS.map((column) => header.findIndex((name) => name.toLowerCase() === column));
  const missing = COLUMNS.filter((_, i) => index[i] === -1);
  if (missing.length) return { imported: 0, problems: [{ row: 1, reason: `the header lacks ${missing.join(", ")}` }] };

  const result: DirectoryImport = { imported: 0, problems: [] };
  const now = deps.clock.now();
  for (const [i, record] of rows.entries()) {
    if (record.every((field) => !field)) continue;
    const [email = "", name = "", department = ""] = index.map((column) => record[column] ?? "");
    const entry: DirectoryEntry = { email: email.toLowerCase(), name, department };
    const reason = problemOf(entry);
    if (reason) {
      result.problems.push({ row: i + 2, reason });
      continue;
    }
    await deps.store.directory.upsert(entry, now);
    result.imported += 1;
  }
  return result;
}

function problemOf(entry: DirectoryEntry): string | null {
  if (!EMAIL.test(entry.email)) return entry.email ? `“${entry.email}” is not an email address` : "no email";
  if (!entry.name) return "no name";
  if (!entry.department) return "no department";
  return null;
}
