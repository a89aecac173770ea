// Zod schemas for the Discourse webhook bodies we act on (root key = event type).
import { z } from "zod";

// Discourse ≥ early 2026 sends tag objects; older versions send names.
const tags = z
  .array(z.union([z.string(), z.object({ name: z.string() })]))
  .nullish()
  .transform((list) => (list ?? []).map((tag) => (typeof tag === "string" ? tag : tag.name)));

const user = z.object({ id: z.number().int(), username: z.string(), name: z.string().nullish() });

export const webhookTopic = z.object({
  id: z.number().int(),
  title: z.string(),
  slug: z.string(),
  category_id: z.number().int().nullish(),
  tags,
  created_at: z.string(),
  closed: z.boolean().default(false),
  archived: z.boolean().default(false),
  archetype: z.string().default("regular"),
  user_id: z.number().int().nullish(),
  created_by: user.nullish(),
  deleted_at: z.string().nullish(),
});

export const webhookPost = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string().nullish(),
  created_at: z.string(),
  cooked: z.string(),
  raw: z.string().nullish(),
  post_number: z.number().int(),
  post_type: z.number().int(),
  topic_id: z.number().int(),
  topic_slug: z.string(),
  topic_title: z.string().nullish(),
  category_id: z.number().int().nullish(),
  category_slug: z.string().nullish(),
  version: z.number().int().default(1),
  staff: z.boolean().default(false),
  admin: z.boolean().default(false),
  moderator: z.boolean().default(false),
  user_id: z.number().int(),
  topic_archetype: z.string().nullish(),
  post_url: z.string().nullish(),
});

export const topicBody = z.object({ topic: webhookTopic });
export const postBody = z.object({ post: webhookPost });

// What became of a post: the core looks it up among our answers by id and checks the community for the rest. The
// body must still be a post (as every real one is), so a signed body of another kind cannot pass for one.
const postRef = z.object({ id: z.number().int(), topic_id: z.number().int(), post_number: z.number().int() });
export const solvedBody = z.object({ solved: postRef });
export const likeBody = z.object({ like: z.object({ post: postRef, user }) });
export const destroyedPostBody = z.object({ post: postRef });

export type WebhookTopic = z.infer<typeof webhookTopic>;
export type WebhookPost = z.infer<typeof webhookPost>;
