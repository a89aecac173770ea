// What a story card shows, decided once for every chat surface; presenters only draw it.
import { excerpt } from "../text/plainText";
import type { Story } from "../model";
import type { StoryCandidate, StoryReason } from "./pickStory";

export interface StoryView {
  storyId: string;
  locale: string;
  reason: StoryReason;
  title: string;
  url: string;
  /** The customer's own words, trimmed. */
  quote: string;
  customer: string | null;
  /** Who answered: a colleague through Advocate, or someone on the community. */
  outcome: "colleague" | "community";
  helper: string | null;
  replyUrl: string | null;
  /** Closed on the community since it was answered. */
  closed: boolean;
  promptIndex: number;
  postedAt: Date;
  now: Date;
}

export function buildStoryView(input: { story: Story; candidate: StoryCandidate; locale: string; now: Date; excerptLength: number }): StoryView {
  const { story, candidate } = input;
  const { question } = candidate;
  return {
    storyId: story.id,
    locale: input.locale,
    reason: story.reason as StoryReason,
    title: question.title,
    url: question.url,
    quote: excerpt(question.bodyText ?? "", input.excerptLength),
    customer: question.authorName ?? question.authorUsername,
    outcome: candidate.byColleague ? "colleague" : "community",
    helper: question.answeredBy,
    replyUrl: question.answeredUrl,
    closed: question.status === "closed",
    promptIndex: story.promptIndex,
    postedAt: question.postedAt,
    now: input.now,
  };
}
