// The claims feature's public face: what the rest of Advocate may use of it.
export { claimCard, claimQuestion, releaseCard, releaseQuestion, type ClaimResult } from "./claims";
