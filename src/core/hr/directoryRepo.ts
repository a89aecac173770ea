// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

/** HR's directory: one row per email; a row's write also gives matching employees their department. */
export interface DirectoryRepo {
  upsert(entry: DirectoryEntry, at: Date): Promise<void>;
  departmentOf(email: string): Promise<string | null>;
  /** Directory rows (in the department, any case); 0 before any import. */
  count(department: string | null): Promise<number>;
  /** Whether HR ever imported it (a row exists): one row read, not a count of 150,000. */
  imported(): Promise<boolean>;
  /** The audit of one import. */
  recordImport(audit: DirectoryImportAudit): Promise<void>;
}

export interface DirectoryImportAudit {
  importedBy: string;
  via: "running-app" | "database";
  imported: number;
  problems: number;
  at: Date;
}

export interface DirectoryEntry {
  email: string;
  name: string;
  department: string;
}
