// Why a customer story is told, and what it is told from.
import type { Question } from "./model";

/** Why a story was picked for a channel, best first. */
export const STORY_REASONS = ["colleague_this_week", "complaint_turned_around", "idea_shipped", "recently_answered"] as const;
export type StoryReason = (typeof STORY_REASONS)[number];

/** An answered question, with what a story needs to know about its answer. */
export interface StoryCandidate {
  question: Question;
  /** When it was answered: our colleague's answer going out, else the last change we saw on the question. */
  answeredAt: Date;
  /** Answered by a colleague through Advocate (rather than by someone on the community). */
  byColleague: boolean;
}
