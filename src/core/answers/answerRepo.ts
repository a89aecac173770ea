// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { Answer } from "../kernel/model";

export interface AnswerRepo {
  byId(id: string): Promise<Answer | null>;
  bySubmissionKey(key: string): Promise<Answer | null>;
  create(
    answer: Pick<Answer, "questionId" | "employeeId" | "cardId" | "submissionKey" | "body" | "postedAs"> & Partial<Pick<Answer, "aiAssisted">>,
  ): Promise<Answer>;
  update(id: string, patch: Partial<Answer>): Promise<Answer>;
  byCommunityPost(postId: number): Promise<Answer | null>;
  /** Answers the community accepted as the solution since the date, with their author and question title. */
  acceptedSince(since: Date): Promise<Array<{ employeeId: string; employeeName: string; title: string }>>;
  /** The question's latest answer published through Advocate, if any: who to ask when the customer writes back. */
  latestPublished(questionId: string): Promise<Answer | null>;
  /** Answers still being published to this topic by this username (our own post arriving by webhook). */
  inFlightFor(questionId: string, username: string): Promise<Answer[]>;
  /** The person's answers to the question that are out on the community and not withdrawn, newest first. */
  publishedBy(questionId: string, employeeId: string): Promise<Answer[]>;
  /** Appends to the audit of edits and withdrawals asked for from chat (allowed or refused). */
  auditChange(entry: AnswerChangeAuditEntry): Promise<void>;
}

export interface AnswerChangeAuditEntry {
  answerId: string;
  surface: string;
  userId: string;
  change: "edit" | "withdraw";
  allowed: boolean;
  at: Date;
}
