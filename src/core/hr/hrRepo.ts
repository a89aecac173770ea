// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { ReportAuditEntry } from "./reportRepo";

/** Who an admin allowed to see HR reports, and the append-only audit of report views and refusals. */
export interface HrRepo {
  isGranted(userId: string): Promise<boolean>;
  /** False when the grant existed already. */
  grant(userId: string, grantedBy: string, at: Date): Promise<boolean>;
  /** False when there was no grant. */
  revoke(userId: string): Promise<boolean>;
  audit(entry: ReportAuditEntry): Promise<void>;
}
