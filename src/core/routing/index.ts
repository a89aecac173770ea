// The routing feature's public face: what the rest of Advocate may use of it.
export type { ChannelRepo } from "./channelRepo";
export { pickRule, ruleMatches } from "./matchRule";
export { addRule, editRule, listRules, removeRule, type BadRule, type RuleAdded, type RuleEdited, type RuleInput } from "./manageRules";
export { describeRule, ruleWords } from "./parseRuleSpec";
export { previewRule, PREVIEW_QUESTIONS, type RulePreview } from "./previewRule";
export type { RuleFields, RuleRepo } from "./ruleRepo";
