// The accounts feature's public face: what the rest of Advocate may use of it.
export { actorEmployee, localeOf } from "./actor";
export type { EmployeeRepo, MergeConflict } from "./employeeRepo";
export { personByVerifiedEmail } from "./identity";
export { acceptLink, declineLink, startLink } from "./linking";
export { setHiddenOnLeaderboards } from "./privacy";
export { learnEmailOf, learnEmailOfKnown } from "./identityEmail";
