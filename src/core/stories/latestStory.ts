// The customer story for a screen that is no channel (the office wall): picked by the channels' rules (pickStory)
// among every answered question, with nothing shown before to avoid.
import type { CoreDeps } from "../deps";
import { excerpt } from "../kernel/plainText";
import type { StoryReason } from "../kernel/story";
import { daysBefore, pickStory, STORY_WINDOW_DAYS } from "./pickStory";

export interface LatestStory {
  reason: StoryReason;
  title: string;
  url: string;
  quote: string;
  customer: string | null;
  /** Who answered: a colleague through Advocate, or someone on the community. */
  outcome: "colleague" | "community";
  helper: string | null;
  answeredAt: Date;
}

export async function latestStory(deps: Pick<CoreDeps, "store" | "clock" | "settings">): Promise<LatestStory | null> {
  const now = deps.clock.now();
  const candidates = await deps.store.stories.candidates(daysBefore(now, STORY_WINDOW_DAYS));
  const picked = pickStory({ candidates, channelRules: [], shown: [], now });
  if (!picked) return null;
  const { question, answeredAt, byColleague } = picked.candidate;
  return {
    reason: picked.reason,
    title: question.title,
    url: question.url,
    quote: excerpt(question.bodyText ?? "", deps.settings.excerptLength),
    customer: question.authorName ?? question.authorUsername,
    outcome: byColleague ? "colleague" : "community",
    helper: question.answeredBy,
    answeredAt,
  };
}
