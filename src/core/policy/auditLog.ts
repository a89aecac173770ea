// The audit log as admins read it (the console): report views, admin actions, privacy actions and payments,
// newest first, a page at a time. Reading it is itself an admin view, decided and audited like the others.
import type { CoreDeps } from "../deps";
import type { AuditLogEntry } from "./auditLogRepo";
import { authoriseView, type Actor, type Refused } from "./policy";

export const AUDIT_PAGE_SIZE = 50;
/** Deeper than anyone pages by hand; it keeps the database's offset bounded. */
export const AUDIT_MAX_PAGE = 1000;

export interface AuditLogPage {
  ok: true;
  page: number;
  entries: AuditLogEntry[];
  /** Whether an older page has entries. */
  more: boolean;
}

export async function auditLog(deps: Pick<CoreDeps, "store" | "clock" | "settings">, who: Actor, page: number): Promise<AuditLogPage | Refused> {
  const asked = Number.isInteger(page) ? Math.min(Math.max(page, 1), AUDIT_MAX_PAGE) : 1;
  if (!(await authoriseView(deps, who, "audit.view", { subject: null, detail: `page ${asked}` }))) return { ok: false, problem: "not_allowed" };
  // One more than a page: whether there is an older one.
  const rows = await deps.store.auditLog.page((asked - 1) * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE + 1);
  return { ok: true, page: asked, entries: rows.slice(0, AUDIT_PAGE_SIZE), more: rows.length > AUDIT_PAGE_SIZE };
}
