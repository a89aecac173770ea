// The policy feature's public face: what the rest of Advocate may use of it.
export { authoriseReport, canSeeReports, isAdmin, type CommandVerb } from "./policy";
