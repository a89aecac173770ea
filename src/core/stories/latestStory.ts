// The customer story for a screen that is no channel (the office wall): picked by the channels' rules (pickStory)
// among every answered question, with nothing shown before to avoid.
import type { CoreDeps } from "../deps";
import type { StoryReason } from "../kernel/story";
import { storyFacts, type StoryFacts } from "./buildStoryView";
import { daysBefore, pickStory, STORY_WINDOW_DAYS } from "./pickStory";

export interface LatestStory extends StoryFacts {
  reason: StoryReason;
  answeredAt: Date;
}

export async function latestStory(deps: Pick<CoreDeps, "store" | "clock" | "settings">): Promise<LatestStory | null> {
  const now = deps.clock.now();
  const candidates = await deps.store.stories.candidates(daysBefore(now, STORY_WINDOW_DAYS));
  const picked = pickStory({ candidates, channelRules: [], shown: [], now });
  if (!picked) return null;
  return { reason: picked.reason, ...storyFacts(picked.candidate, deps.settings.excerptLength), answeredAt: picked.candidate.answeredAt };
}
