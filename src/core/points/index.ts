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
export { pointRules } from "./pointRules";
export { revokeAnswer } from "./revokeAnswer";
