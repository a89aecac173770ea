// What a community told us, in the core's words. Adapters map their webhooks and API answers to these.
import { z } from "zod";

// Declared once, as schemas: the types below are what they accept, and the outbox re-validates stored events with
// them when it reads them back.
const date = z.coerce.date();

const topicFactsSchema = z.object({
  topicId: z.number().int(),
  title: z.string(),
  url: z.string(),
  categoryId: z.number().int().nullable(),
  categorySlug: z.string().nullable(),
  tags: z.array(z.string()),
  authorUsername: z.string().nullable(),
  authorName: z.string().nullable(),
  postedAt: date,
  closed: z.boolean(),
});

const postFactsSchema = z.object({
  postId: z.number().int(),
  topicId: z.number().int(),
  postNumber: z.number().int(),
  topicTitle: z.string().nullable(),
  topicUrl: z.string(),
  categorySlug: z.string().nullable(),
  categoryId: z.number().int().nullable(),
  /** Plain text of the post, HTML stripped and entities decoded. */
  text: z.string(),
  authorUsername: z.string(),
  authorName: z.string().nullable(),
  postedAt: date,
  url: z.string(),
});

export const communityEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("topic.opened"), topic: topicFactsSchema }),
  z.object({ type: z.literal("post.created"), post: postFactsSchema }),
  z.object({ type: z.literal("post.edited"), post: postFactsSchema }),
  /** The topic's category, tags or title may have changed (moderators moved or retagged it): a hint, checked with the community. */
  z.object({ type: z.literal("topic.edited"), topic: topicFactsSchema }),
  z.object({ type: z.literal("topic.closed"), topicId: z.number().int() }),
  z.object({ type: z.literal("topic.reopened"), topicId: z.number().int() }),
  z.object({ type: z.literal("topic.deleted"), topicId: z.number().int() }),
  // What became of a post after it was published; the core pays or revokes points when it is one of our answers.
  z.object({ type: z.literal("solution.accepted"), postId: z.number().int() }),
  z.object({ type: z.literal("solution.unaccepted"), postId: z.number().int() }),
  z.object({ type: z.literal("post.liked"), postId: z.number().int(), likedBy: z.string() }),
  z.object({ type: z.literal("post.deleted"), postId: z.number().int() }),
  z.object({ type: z.literal("ignored"), reason: z.string() }),
]);

export type TopicFacts = z.infer<typeof topicFactsSchema>;
export type PostFacts = z.infer<typeof postFactsSchema>;
export type CommunityEvent = z.infer<typeof communityEventSchema>;

/** A topic as fetched from the community API, with its first post's text. */
export interface TopicSnapshot extends TopicFacts {
  firstPostText: string | null;
  /** Deleted, but still shown to the API's staff user. */
  deleted: boolean;
  /** Archived: frozen, nobody can reply any more (a card treats it as closed). */
  archived: boolean;
  /** The post number of the accepted answer (Discourse Solved), if any. */
  acceptedPostNumber: number | null;
}

/** A post as the community API shows it: the truth a webhook about it is checked against. */
export interface PostSnapshot {
  postId: number;
  topicId: number;
  postNumber: number;
  /** Deleted by staff, or withdrawn by its author. */
  deleted: boolean;
  /** Its text as written (markdown); "" where the community does not show it. */
  raw: string;
}
