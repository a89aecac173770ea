// The routing feature's public face: what the rest of Advocate may use of it.
export { pickRule, ruleMatches } from "./matchRule";
export { describeRule } from "./parseRuleSpec";
