// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { ChatTarget, StorySchedule } from "../kernel/model";

export interface StoryScheduleRepo {
  add(schedule: Omit<StorySchedule, "id">): Promise<StorySchedule>;
  byId(id: number): Promise<StorySchedule | null>;
  list(): Promise<StorySchedule[]>;
  forChannel(target: ChatTarget): Promise<StorySchedule[]>;
  /** Removes one schedule by id, or every schedule of the channel; returns the ids removed. */
  /** By id (within the target channel when one is given), or every schedule of the target channel. */
  remove(which: { id: number; target?: ChatTarget } | { target: ChatTarget }): Promise<number[]>;
}
