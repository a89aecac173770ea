// Discourse webhook (event name + body) to the core's CommunityEvent, with the business key that
// makes a re-sent event (new delivery id, same post) a duplicate.
import { z } from "zod";
import type { CommunityEvent, PostFacts, TopicFacts } from "../../core/kernel/events";
import { htmlToPlainText } from "../../core/kernel/plainText";
import { destroyedPostBody, likeBody, postBody, solvedBody, topicBody, type WebhookPost, type WebhookTopic } from "./payloads";

export interface MappedEvent {
  businessKey: string;
  event: CommunityEvent;
}

export type MapResult = { ok: true; mapped: MappedEvent } | { ok: false; reason: string } | { ok: "skip"; reason: string };

export interface MapOptions {
  baseUrl: string;
  ignoreStaff: boolean;
  deliveryId: string;
}

const HANDLED = [
  "topic_created",
  "topic_edited",
  "topic_closed_status_updated",
  "topic_archived_status_updated",
  "topic_visible_status_updated",
  "topic_destroyed",
  "topic_recovered",
  "post_created",
  "post_edited",
  "post_destroyed",
  "post_liked",
  "accepted_solution",
  "unaccepted_solution",
] as const;

export function isHandledEvent(name: string): boolean {
  return (HANDLED as readonly string[]).includes(name);
}

export function topicUrl(baseUrl: string, slug: string, topicId: number): string {
  return `${baseUrl}/t/${slug}/${topicId}`;
}

export function topicFacts(topic: WebhookTopic, baseUrl: string): TopicFacts {
  return {
    topicId: topic.id,
    title: topic.title,
    url: topicUrl(baseUrl, topic.slug, topic.id),
    categoryId: topic.category_id ?? null,
    categorySlug: null,
    tags: topic.tags,
    authorUsername: topic.created_by?.username ?? null,
    authorName: topic.created_by?.name ?? null,
    postedAt: new Date(topic.created_at),
    closed: topic.closed,
  };
}

function postFacts(post: WebhookPost, baseUrl: string): PostFacts {
  const topicLink = topicUrl(baseUrl, post.topic_slug, post.topic_id);
  return {
    postId: post.id,
    topicId: post.topic_id,
    postNumber: post.post_number,
    topicTitle: post.topic_title ?? null,
    topicUrl: topicLink,
    categorySlug: post.category_slug ?? null,
    categoryId: post.category_id ?? null,
    text: htmlToPlainText(post.cooked),
    authorUsername: post.username,
    authorName: post.name ?? null,
    postedAt: new Date(post.created_at),
    url: `${topicLink}/${post.post_number}`,
  };
}

function issues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
}

/**
 * Events about what became of a post (solved, liked, deleted). Not filtered like questions are: our employees may be
 * staff on the community, and the core pays only for posts that are answers published through Advocate.
 */
function mapPostFate(name: string, body: unknown, deliveryId: string): MapResult | null {
  switch (name) {
    case "accepted_solution":
    case "unaccepted_solution": {
      const parsed = solvedBody.safeParse(body);
      if (!parsed.success) return { ok: false, reason: issues(parsed.error) };
      const postId = parsed.data.solved.id;
      const type = name === "accepted_solution" ? "solution.accepted" : "solution.unaccepted";
      // A toggle, and a hint the core checks with the community: every delivery is looked at. The ledger's keys (the
      // answer and its accept cycle) make a retried accept pay nothing.
      return { ok: true, mapped: { businessKey: `${name}:${postId}:${deliveryId}`, event: { type, postId } } };
    }
    case "post_liked": {
      const parsed = likeBody.safeParse(body);
      if (!parsed.success) return { ok: false, reason: issues(parsed.error) };
      const { post, user } = parsed.data.like;
      // One like per person per post: an unlike and like again is not a second like.
      return { ok: true, mapped: { businessKey: `${name}:${post.id}:${user.id}`, event: { type: "post.liked", postId: post.id, likedBy: user.username } } };
    }
    case "post_destroyed": {
      const parsed = destroyedPostBody.safeParse(body);
      if (!parsed.success) return { ok: false, reason: issues(parsed.error) };
      const postId = parsed.data.post.id;
      // Per delivery: each is a hint that the core checks with the community, so a forged one must not shadow the real one.
      return { ok: true, mapped: { businessKey: `${name}:${postId}:${deliveryId}`, event: { type: "post.deleted", postId } } };
    }
    default:
      return null;
  }
}

export function mapDiscourseEvent(name: string, body: unknown, options: MapOptions): MapResult {
  const fate = mapPostFate(name, body, options.deliveryId);
  if (fate) return fate;
  if (name.startsWith("topic_")) {
    const parsed = topicBody.safeParse(body);
    if (!parsed.success) return { ok: false, reason: issues(parsed.error) };
    const { topic } = parsed.data;
    if (topic.archetype === "private_message") return { ok: "skip", reason: "private message" };
    if ((topic.user_id ?? 1) <= 0) return { ok: "skip", reason: "system user" };
    switch (name) {
      case "topic_created":
        return { ok: true, mapped: { businessKey: `topic_created:${topic.id}`, event: { type: "topic.opened", topic: topicFacts(topic, options.baseUrl) } } };
      case "topic_edited":
        // Per delivery: a hint (moved, retagged, renamed) that the core checks with the community.
        return {
          ok: true,
          mapped: { businessKey: `${name}:${topic.id}:${options.deliveryId}`, event: { type: "topic.edited", topic: topicFacts(topic, options.baseUrl) } },
        };
      case "topic_archived_status_updated":
      case "topic_closed_status_updated":
        return {
          ok: true,
          mapped: {
            businessKey: `${name}:${topic.id}:${options.deliveryId}`,
            event: { type: topic.closed || topic.archived ? "topic.closed" : "topic.reopened", topicId: topic.id },
          },
        };
      case "topic_destroyed":
        return { ok: true, mapped: { businessKey: `${name}:${topic.id}:${options.deliveryId}`, event: { type: "topic.deleted", topicId: topic.id } } };
      default:
        return { ok: true, mapped: { businessKey: `${name}:${topic.id}:${options.deliveryId}`, event: { type: "topic.reopened", topicId: topic.id } } };
    }
  }
  const parsed = postBody.safeParse(body);
  if (!parsed.success) return { ok: false, reason: issues(parsed.error) };
  const { post } = parsed.data;
  if (post.topic_archetype === "private_message") return { ok: "skip", reason: "private message" };
  if (post.post_type !== 1) return { ok: "skip", reason: "not a regular post" };
  if (post.user_id <= 0) return { ok: "skip", reason: "system user" };
  if (options.ignoreStaff && (post.staff || post.admin || post.moderator)) return { ok: "skip", reason: "staff post" };
  const facts = postFacts(post, options.baseUrl);
  return name === "post_created"
    ? { ok: true, mapped: { businessKey: `post_created:${post.id}`, event: { type: "post.created", post: facts } } }
    : { ok: true, mapped: { businessKey: `post_edited:${post.id}:${post.version}`, event: { type: "post.edited", post: facts } } };
}
