// The policy feature's public face: what the rest of Advocate may use of it.
export type { ActionAuditEntry, ActionAuditRepo } from "./actionAuditRepo";
export { auditLog, AUDIT_PAGE_SIZE, type AuditLogPage } from "./auditLog";
export type { AuditLogEntry, AuditLogRepo, AuditSource } from "./auditLogRepo";
export {
  authorisedChange,
  authorisePage,
  authoriseReport,
  authoriseView,
  canSeeReports,
  isAdmin,
  mayDo,
  personAsPrincipal,
  roleMeets,
  roleOf,
  type Action,
  type ActionRequest,
  type Actor,
  type ChangeDone,
  type CommandVerb,
  type PageRule,
  type Principal,
  type Refused,
  type Role,
} from "./policy";
