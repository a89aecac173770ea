// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

/** The append-only audit of actions outside chat commands: the console's changes and admin views, and refusals. */
export interface ActionAuditRepo {
  record(entry: ActionAuditEntry): Promise<void>;
  /** The newest first, at most `limit`. */
  latest(limit: number): Promise<Array<ActionAuditEntry & { id: string }>>;
}

export interface ActionAuditEntry {
  surface: string;
  userId: string;
  action: string;
  subject: string | null;
  detail: string | null;
  allowed: boolean;
  at: Date;
}
