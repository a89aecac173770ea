// A customer community (Discourse today), as the core needs it.
import type { CommunityEvent, PostSnapshot, TopicSnapshot } from "../kernel/events";

/** A customer community (Discourse today). Every call may throw RetryableError or PermanentError. */
export interface CommunityPort {
  readonly name: string;
  readonly baseUrl: string;
  createReply(input: { topicId: number; raw: string; asUsername: string }): Promise<{ postId: number; url: string }>;
  /** Finds a reply we may already have made (after a crash mid-publish), by the marker in its raw text. */
  findReplyByMarker(input: { topicId: number; username: string; marker: string }): Promise<{ postId: number; url: string } | null>;
  /** Replaces the text of a post as its author (the community checks they still may); PermanentError with its reason when it refuses. */
  editPost(input: { postId: number; raw: string; reason: string | null; asUsername: string }): Promise<void>;
  /** Withdraws a post as its author; false when the community has no such post (any more). */
  deletePost(input: { postId: number; asUsername: string }): Promise<boolean>;
  findUserByEmail(email: string): Promise<{ userId: number; username: string } | null>;
  getTopic(topicId: number): Promise<TopicSnapshot | null>;
  /** The slug of a category by its id (routing rules name slugs); null when the community has no such category. */
  categorySlug(categoryId: number): Promise<string | null>;
  /** null when the community has no such post (any more). */
  getPost(postId: number): Promise<PostSnapshot | null>;
  /** The topic's posts, oldest first (its first page, about 20): what an answer draft is grounded in. */
  getThread(topicId: number): Promise<Array<{ username: string; text: string }>>;
  /** Solved topics that the community's own search finds for the query, each with its accepted answer; at most `limit`. */
  searchSolved(input: { query: string; limit: number; excludeTopicId: number }): Promise<SolvedTopic[]>;
  /** Replaces the topic's tags (as the community's own API user: tags are metadata, not anyone's words). */
  setTopicTags(input: { topicId: number; tags: string[] }): Promise<void>;
  /** Topics created or bumped since the cursor, newest last, with the next cursor. */
  listLatest(cursor: string | null): Promise<{ events: CommunityEvent[]; cursor: string | null }>;
}

export interface SolvedTopic {
  topicId: number;
  title: string;
  url: string;
  /** The accepted answer as plain text. */
  answer: string;
}
