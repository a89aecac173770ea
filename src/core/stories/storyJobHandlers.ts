import type { JobHandlers } from "../outbox/jobHandlers";
import type { StoryJob } from "./storyJobs";
import { postStory } from "./postStory";
import { runScheduledStory } from "./runScheduledStory";

export const storyJobHandlers: JobHandlers<StoryJob> = {
  "story.scheduled": (deps, job) => runScheduledStory(deps, job.scheduleId, job.slot),
  "chat.postStory": (deps, job) => postStory(deps, job.storyId),
};
