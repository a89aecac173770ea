// The claims feature's public face: what the rest of Advocate may use of it.
export { claimQuestion, releaseQuestion, type ClaimResult } from "./claims";
