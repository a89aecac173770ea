// The outbox work of this feature: a channel's scheduled story, and a story card posted.
import { z } from "zod";

export const storyJobs = [
  z.object({ kind: z.literal("story.scheduled"), scheduleId: z.number().int(), slot: z.coerce.date() }),
  z.object({ kind: z.literal("chat.postStory"), storyId: z.string() }),
] as const;

export type StoryJob = z.infer<(typeof storyJobs)[number]>;
