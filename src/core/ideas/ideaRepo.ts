// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { IdeaUpdate } from "../kernel/model";

export interface IdeaRepo {
  byId(id: string): Promise<IdeaUpdate | null>;
  bySubmissionKey(key: string): Promise<IdeaUpdate | null>;
  create(update: Pick<IdeaUpdate, "questionId" | "employeeId" | "status" | "body" | "reason" | "submissionKey" | "postedAs">): Promise<IdeaUpdate>;
  update(id: string, patch: Partial<IdeaUpdate>): Promise<IdeaUpdate>;
  /** Whether a community post is one of our idea replies (published, or still on its way from this username). */
  isOurs(questionId: string, postId: number, username: string): Promise<boolean>;
}
