// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

/** What Advocate holds about one person, for `my data`, and their erasure, for `forget me`; both audited. */
export interface PersonalDataRepo {
  /** Every row about the employee (and HR's directory row by their email); nothing of anyone else. */
  of(employeeId: string): Promise<PersonalData>;
  /**
   * Replaces names, email and chat id by the pseudonym and drops what only served the person (their community
   * link, follows, HR grant, file offers, chat address, console sessions); the ledger and answers stay, on the same row.
   */
  forget(employeeId: string, pseudonym: string, at: Date): Promise<void>;
  audit(entry: PersonalDataAuditEntry): Promise<void>;
}

export interface PersonalDataAuditEntry {
  action: "export" | "forget";
  byEmployeeId: string;
  aboutEmployeeId: string;
  pseudonym: string | null;
  at: Date;
}

/** Rows as stored, keyed by table: what `my data` sends. */
export interface PersonalData {
  employee: Record<string, unknown>;
  ledger: Array<{ points: number; reason: string; sourceKey: string; occurredAt: Date }>;
  answers: Array<Record<string, unknown>>;
  ideaUpdates: Array<Record<string, unknown>>;
  claims: Array<Record<string, unknown>>;
  follows: Array<Record<string, unknown>>;
  charityPicks: Array<Record<string, unknown>>;
  hrGrants: Array<Record<string, unknown>>;
  reportAudit: Array<Record<string, unknown>>;
  /** Admin actions outside chat commands (the console's changes and views). */
  actionAudit: Array<Record<string, unknown>>;
  privacyAudit: Array<Record<string, unknown>>;
  directory: Record<string, unknown> | null;
}
