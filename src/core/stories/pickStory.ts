// Which customer story a channel gets: a pure choice over answered questions, so the rules are easy to test.
import type { RoutingRule } from "../kernel/model";
import type { StoryCandidate, StoryReason } from "../kernel/story";
import { ruleMatches } from "../routing";

/** Stories come from questions answered this long ago at most. */
export const STORY_WINDOW_DAYS = 90;
/** A channel never sees the same story again within this many days. */
export const NO_REPEAT_DAYS = 30;
/** How many discussion questions rotate (story.prompt.0 … in every locale). */
export const DISCUSSION_PROMPTS = 6;

/** Tags a community gives an idea once it is built; nothing else tells us an idea shipped. */
const SHIPPED_TAGS = ["shipped", "released", "implemented"];

const DAY_MS = 86_400_000;

/** A story once shown in a channel. */
export interface ShownStory {
  questionId: string;
  shownAt: Date;
}

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** In preference order: the first reason with a fitting candidate wins. */
const PREFERENCES: Array<{ reason: StoryReason; fits(candidate: StoryCandidate, now: Date): boolean }> = [
  { reason: "colleague_this_week", fits: (c, now) => c.byColleague && c.answeredAt >= daysBefore(now, 7) },
  { reason: "complaint_turned_around", fits: (c) => c.question.kind === "complaint" },
  { reason: "idea_shipped", fits: (c) => c.question.kind === "idea" && c.question.tags.some((tag) => SHIPPED_TAGS.includes(tag.toLowerCase())) },
  { reason: "recently_answered", fits: () => true },
];

export function pickStory(input: {
  candidates: StoryCandidate[];
  /** Rules that send questions to this channel; with none, any question fits. */
  channelRules: RoutingRule[];
  /** What this channel was shown lately. */
  shown: ShownStory[];
  now: Date;
}): { candidate: StoryCandidate; reason: StoryReason } | null {
  const { now } = input;
  const repeatSince = daysBefore(now, NO_REPEAT_DAYS);
  const shownLately = new Set(input.shown.filter((story) => story.shownAt > repeatSince).map((story) => story.questionId));
  const windowStart = daysBefore(now, STORY_WINDOW_DAYS);
  const eligible = input.candidates
    .filter((c) => c.answeredAt >= windowStart)
    .filter((c) => !shownLately.has(c.question.id))
    .filter((c) => !input.channelRules.length || input.channelRules.some((rule) => ruleMatches(rule, c.question)))
    // Freshest first; the topic id only breaks ties, so the choice never depends on the order we got.
    .sort((a, b) => b.answeredAt.getTime() - a.answeredAt.getTime() || b.question.topicId - a.question.topicId);
  for (const { reason, fits } of PREFERENCES) {
    const candidate = eligible.find((c) => fits(c, now));
    if (candidate) return { candidate, reason };
  }
  return null;
}

/** The channel's next discussion question: the one after its last story's, round and round. */
export function nextPrompt(lastPromptIndex: number | null): number {
  return lastPromptIndex === null ? 0 : (lastPromptIndex + 1) % DISCUSSION_PROMPTS;
}
