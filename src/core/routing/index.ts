// The routing feature's public face: what the rest of Advocate may use of it.
export type { ChannelRepo } from "./channelRepo";
export { pickRule, ruleMatches } from "./matchRule";
export { describeRule } from "./parseRuleSpec";
export type { RuleRepo } from "./ruleRepo";
