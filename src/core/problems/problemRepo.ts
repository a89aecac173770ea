// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { ProblemGroup, Question } from "../kernel/model";

export interface ProblemRepo {
  /** Groups with a member posted since the date. */
  recentGroups(since: Date): Promise<ProblemGroup[]>;
  create(group: Pick<ProblemGroup, "label" | "keywords"> & Partial<Pick<ProblemGroup, "embedding">>): Promise<ProblemGroup>;
  /** Members posted since the date, oldest first. */
  members(groupId: number, since: Date): Promise<Array<Pick<Question, "title" | "url">>>;
  /** Marks the group alerted unless it was alerted after `quietSince`; true when this call marked it (one alert). */
  markAlerted(groupId: number, at: Date, quietSince: Date): Promise<boolean>;
}
