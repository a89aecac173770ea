// Builds what a story card shows from the story and why it was picked.
import { excerpt } from "../kernel/plainText";
import type { Story } from "../kernel/model";
import type { StoryView } from "../ports/views/storyView";
import type { StoryCandidate, StoryReason } from "../kernel/story";

/** What any story shows of its question, wherever it is shown (a channel's card, the office screen). */
export type StoryFacts = Pick<StoryView, "title" | "url" | "quote" | "customer" | "outcome" | "helper">;

export function storyFacts(candidate: StoryCandidate, excerptLength: number): StoryFacts {
  const { question } = candidate;
  return {
    title: question.title,
    url: question.url,
    quote: excerpt(question.bodyText ?? "", excerptLength),
    customer: question.authorName ?? question.authorUsername,
    outcome: candidate.byColleague ? "colleague" : "community",
    helper: question.answeredBy,
  };
}

export function buildStoryView(input: { story: Story; candidate: StoryCandidate; locale: string; now: Date; excerptLength: number }): StoryView {
  const { story, candidate } = input;
  const { question } = candidate;
  return {
    storyId: story.id,
    locale: input.locale,
    reason: story.reason as StoryReason,
    ...storyFacts(candidate, input.excerptLength),
    replyUrl: question.answeredUrl,
    closed: question.status === "closed",
    promptIndex: story.promptIndex,
    postedAt: question.postedAt,
    now: input.now,
  };
}
