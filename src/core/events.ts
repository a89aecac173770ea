// What a community told us, in the core's words. Adapters map their webhooks and API answers to these.

export interface TopicFacts {
  topicId: number;
  title: string;
  url: string;
  categoryId: number | null;
  categorySlug: string | null;
  tags: string[];
  authorUsername: string | null;
  authorName: string | null;
  postedAt: Date;
  closed: boolean;
}

export interface PostFacts {
  postId: number;
  topicId: number;
  postNumber: number;
  topicTitle: string | null;
  topicUrl: string;
  categorySlug: string | null;
  categoryId: number | null;
  /** Plain text of the post, HTML stripped and entities decoded. */
  text: string;
  authorUsername: string;
  authorName: string | null;
  postedAt: Date;
  url: string;
}

export type CommunityEvent =
  | { type: "topic.opened"; topic: TopicFacts }
  | { type: "post.created"; post: PostFacts }
  | { type: "post.edited"; post: PostFacts }
  | { type: "topic.closed"; topicId: number }
  | { type: "topic.reopened"; topicId: number }
  | { type: "topic.deleted"; topicId: number }
  // What became of a post after it was published; the core pays or revokes points when it is one of our answers.
  | { type: "solution.accepted"; postId: number }
  | { type: "solution.unaccepted"; postId: number }
  | { type: "post.liked"; postId: number; likedBy: string }
  | { type: "post.deleted"; postId: number }
  | { type: "ignored"; reason: string };

/** A topic as fetched from the community API, with its first post's text. */
export interface TopicSnapshot extends TopicFacts {
  firstPostText: string | null;
  /** Deleted, but still shown to the API's staff user. */
  deleted: boolean;
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
}
