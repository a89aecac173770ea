// The stories feature's public face: what the rest of Advocate may use of it.
export { latestStory, type LatestStory } from "./latestStory";
export { listStorySchedules, removeStorySchedule } from "./manageSchedules";
export type { StoryReply } from "./storyCommand";
export type { StoryRepo } from "./storyRepo";
export { WEEK_DAYS, cronOf } from "./storySchedule";
export type { StoryScheduleRepo } from "./storyScheduleRepo";
