// The policy feature's public face: what the rest of Advocate may use of it.
export type { ActionAuditEntry, ActionAuditRepo } from "./actionAuditRepo";
export {
  authorisedChange,
  authoriseReport,
  authoriseView,
  canSeeReports,
  isAdmin,
  mayDo,
  type Action,
  type ActionRequest,
  type Actor,
  type ChangeDone,
  type CommandVerb,
  type Refused,
} from "./policy";
