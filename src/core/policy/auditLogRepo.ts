// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

/** Which append-only record an entry comes from: report views, actions outside chat, privacy actions, payments. */
export type AuditSource = "report" | "action" | "privacy" | "payment";

/** One row of any of the audits, in one shape: who did what, about what, when, and whether it was allowed. */
export interface AuditLogEntry {
  source: AuditSource;
  id: string;
  at: Date;
  /** The chat surface they acted through; null where the record does not say (privacy actions, payments). */
  surface: string | null;
  /** Their chat id, or for privacy actions their employee row's id. */
  userId: string;
  /** Their name where Advocate knows the person. */
  name: string | null;
  /** report: which report; action: e.g. routing.edit; privacy: export or forget; payment: charity.paid. */
  what: string;
  /** What it was about: a period and department, rule:12, the person concerned, a charity and quarter. */
  subject: string | null;
  detail: string | null;
  allowed: boolean;
}

export interface AuditLogRepo {
  /** Every audit's rows together, the newest first: `limit` of them after skipping `offset`. */
  page(offset: number, limit: number): Promise<AuditLogEntry[]>;
}
