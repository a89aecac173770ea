// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { Question } from "../kernel/model";

export interface QuestionRepo {
  byId(id: string): Promise<Question | null>;
  byTopic(community: string, topicId: number): Promise<Question | null>;
  /** Creates the question or merges the facts we now know; returns it. */
  upsert(community: string, topicId: number, facts: Partial<Question> & { url: string; postedAt: Date }): Promise<Question>;
  update(id: string, patch: Partial<Question>): Promise<Question>;
  /** Atomically claims when free, expired or already ours; false when someone else holds it. */
  tryClaim(id: string, employeeId: string, until: Date, now: Date): Promise<boolean>;
  release(id: string, employeeId: string): Promise<boolean>;
  /** Clears claims that ran out; returns the questions concerned. */
  expireClaims(now: Date): Promise<string[]>;
  openClaimsOf(employeeId: string, now: Date): Promise<Question[]>;
  /** Open, unanswered questions under a promise whose last stage is not yet reached. */
  openPromises(): Promise<Question[]>;
  /** The last `limit` questions Advocate took in, newest first (what a routing rule's preview runs over). */
  latest(limit: number): Promise<Question[]>;
}
