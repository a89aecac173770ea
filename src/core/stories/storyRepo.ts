// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { ChatTarget, Story } from "../kernel/model";
import type { StoryCandidate } from "../kernel/story";

export interface StoryRepo {
  /** Questions answered since the date: what a story may be about. */
  candidates(since: Date): Promise<StoryCandidate[]>;
  candidate(questionId: string): Promise<StoryCandidate | null>;
  /** What the channel was shown since the date. */
  shownIn(target: ChatTarget, since: Date): Promise<Story[]>;
  /** The channel's latest story: its discussion question decides the next one. */
  latestIn(target: ChatTarget): Promise<Story | null>;
  /** Records a story; null when one was already recorded under its run key (a retried run). */
  record(story: Omit<Story, "id" | "messageRef">): Promise<Story | null>;
  byId(id: string): Promise<Story | null>;
  markPosted(id: string, messageRef: string): Promise<void>;
}
