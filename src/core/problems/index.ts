// The problems feature's public face: what the rest of Advocate may use of it.
export { problemEmbedding } from "./problemEmbedding";
export { SAME_PROBLEM, problemKeywords, sameProblemScore } from "./problemKeywords";
export type { ProblemRepo } from "./problemRepo";
export { trackRecurringProblem } from "./trackRecurringProblem";
