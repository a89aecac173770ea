// The points feature's public face: what the rest of Advocate may use of it.
export { awardLike } from "./awardLike";
export { awardPoints } from "./awardPoints";
export { awardSolution, revokeSolution } from "./awardSolution";
export { awardStoryShared } from "./awardStoryShared";
export { buildHomeView, requestHome } from "./homeView";
export { leaderboard, myHistory, myPoints, type LeaderboardView } from "./leaderboard";
export type { LedgerEntry, LedgerRepo } from "./ledgerRepo";
export { PERIODS, isPeriod, type Period } from "./periods";
export { answerSources } from "./ourAnswer";
export type { PointRuleRepo } from "./pointRuleRepo";
export { POINT_RULE_NAMES, pointRules, type PointRuleName, type PointRules } from "./pointRules";
export { setPointRule, type PointRuleSet } from "./setPointRule";
export { revokeAnswer } from "./revokeAnswer";
