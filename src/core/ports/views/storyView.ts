// What a story card shows, decided once for every chat surface (stories/buildStoryView.ts); presenters only draw it.
import type { StoryReason } from "../../kernel/story";

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
