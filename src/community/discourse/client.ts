// The Discourse API behind the core's CommunityPort. Errors become RetryableError (429, 5xx, network)
// or PermanentError (other 4xx, with Discourse's own message). The outbox's community lane spaces what it sends;
// every call, the outbox's and those made outside it (an AI draft's searches, a card's look at the topic), draws
// from one budget of the API key's requests a minute, so the calls made outside the lane cannot spend it twice.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import type { CommunityEvent, PostSnapshot, TopicSnapshot } from "../../core/kernel/events";
import type { CommunityPort, SolvedTopic } from "../../core/ports";
import { PermanentError, RetryableError } from "../../core/kernel/errors";
import { htmlToPlainText } from "../../core/kernel/plainText";
import { topicFacts, topicUrl } from "./mapEvent";
import { webhookTopic } from "./payloads";

/** How far back from the end of a topic a reply of ours is looked for. */
const RECENT_POSTS = 30;
/** How long the community's categories are trusted before they are asked for again. */
const CATEGORIES_TTL_MS = 10 * 60_000;
/** An id the categories do not know (new, or hidden from the API user) asks again at most this often. */
const CATEGORIES_MISS_MS = 60_000;

export interface DiscourseClientOptions {
  name: string;
  baseUrl: string;
  apiKey: string;
  apiUsername: string;
  /** The API key's budget (Discourse's DISCOURSE_MAX_ADMIN_API_REQS_PER_MINUTE, 60 by default). */
  requestsPerMinute: number;
  timeoutMs?: number;
}

/** A call waits this long for the budget; a longer wait is a RetryableError (the outbox's lane waits instead). */
const MAX_BUDGET_WAIT_MS = 2000;

const createdPost = z.object({ id: z.number().int(), post_number: z.number().int(), topic_id: z.number().int(), topic_slug: z.string() });
const rawPost = z.object({ id: z.number().int(), raw: z.string(), post_number: z.number().int(), topic_id: z.number().int(), topic_slug: z.string() });
const postState = z.object({
  id: z.number().int(),
  topic_id: z.number().int(),
  post_number: z.number().int(),
  deleted_at: z.string().nullish(),
  user_deleted: z.boolean().default(false),
  raw: z.string().default(""),
});
/** PUT /posts/{id}.json answers with the revised post under "post" (PostsController#update). */
const revisedPost = z.object({ post: z.object({ id: z.number().int() }) });
const streamPost = z.object({ id: z.number().int(), username: z.string(), post_number: z.number().int(), cooked: z.string() });
const topicPosts = z.object({ post_stream: z.object({ posts: z.array(streamPost) }) });
const topicPage = webhookTopic.extend({
  post_stream: z.object({
    posts: z.array(streamPost),
    /** Every post id of the topic in order; `posts` holds only the first page (about 20). */
    stream: z.array(z.number().int()).optional(),
  }),
  details: z.object({ created_by: z.object({ id: z.number().int(), username: z.string(), name: z.string().nullish() }).nullish() }).nullish(),
  /** Added by the Solved plugin once an answer is accepted. */
  accepted_answer: z.object({ post_number: z.number().int(), excerpt: z.string().nullish() }).nullish(),
});
const searchResults = z.object({ topics: z.array(z.object({ id: z.number().int() })).default([]) });
const usersByEmail = z.array(z.object({ id: z.number().int(), username: z.string() }));
const latest = z.object({ topic_list: z.object({ topics: z.array(webhookTopic.omit({ created_by: true })) }) });
/** GET /site.json: every category the API user may see, subcategories included, flat. */
const siteCategories = z.object({ categories: z.array(z.object({ id: z.number().int(), slug: z.string() })) });
const errorBody = z
  .object({ errors: z.array(z.string()).optional(), error_type: z.string().optional(), extras: z.object({ wait_seconds: z.number().optional() }).nullish() })
  .partial();

export class DiscourseClient implements CommunityPort {
  readonly name: string;
  readonly baseUrl: string;
  private categories: { slugs: Map<number, string>; fetchedAt: number } | null = null;
  private readonly budget: RateLimiterMemory;

  constructor(private readonly options: DiscourseClientOptions) {
    this.name = options.name;
    this.baseUrl = options.baseUrl;
    this.budget = new RateLimiterMemory({ points: options.requestsPerMinute, duration: 60 });
  }

  async createReply(input: { topicId: number; raw: string; asUsername: string }) {
    const post = createdPost.parse(
      await this.request("POST", "/posts.json", { asUsername: input.asUsername, body: { topic_id: input.topicId, raw: input.raw } }),
    );
    return { postId: post.id, url: `${topicUrl(this.baseUrl, post.topic_slug, post.topic_id)}/${post.post_number}` };
  }

  async findReplyByMarker(input: { topicId: number; username: string; marker: string }) {
    const page = await this.topicPage(input.topicId);
    if (!page) return null;
    // Our reply is among the newest posts, which on a long topic are past the first page.
    const newestIds = (page.post_stream.stream ?? page.post_stream.posts.map((post) => post.id)).slice(-RECENT_POSTS);
    const loaded = new Map(page.post_stream.posts.map((post) => [post.id, post]));
    const missing = newestIds.filter((id) => !loaded.has(id));
    if (missing.length) {
      const query = missing.map((id) => `post_ids[]=${id}`).join("&");
      const more = topicPosts.parse(await this.request("GET", `/t/${input.topicId}/posts.json?${query}`));
      for (const post of more.post_stream.posts) loaded.set(post.id, post);
    }
    const candidates = newestIds
      .map((id) => loaded.get(id))
      .filter((post) => post?.username === input.username)
      .reverse()
      .slice(0, 5) as z.infer<typeof streamPost>[];
    for (const candidate of candidates) {
      const post = rawPost.parse(await this.request("GET", `/posts/${candidate.id}.json`));
      if (post.raw.includes(input.marker)) {
        return { postId: post.id, url: `${topicUrl(this.baseUrl, post.topic_slug, post.topic_id)}/${post.post_number}` };
      }
    }
    return null;
  }

  async editPost(input: { postId: number; raw: string; reason: string | null; asUsername: string }): Promise<void> {
    const post = { raw: input.raw, ...(input.reason ? { edit_reason: input.reason } : {}) };
    revisedPost.parse(await this.request("PUT", `/posts/${input.postId}.json`, { asUsername: input.asUsername, body: { post } }));
  }

  async deletePost(input: { postId: number; asUsername: string }): Promise<boolean> {
    // Discourse answers an empty 200; a post already gone is a 404 (a retry after a lost response).
    const body = await this.request("DELETE", `/posts/${input.postId}.json`, { asUsername: input.asUsername, notFoundIsNull: true, emptyIsOk: true });
    return body !== null;
  }

  async findUserByEmail(email: string) {
    const query = new URLSearchParams({ email, show_emails: "true" });
    const users = usersByEmail.parse(await this.request("GET", `/admin/users/list/active.json?${query}`));
    const user = users[0];
    return user ? { userId: user.id, username: user.username } : null;
  }

  async getTopic(topicId: number): Promise<TopicSnapshot | null> {
    const page = await this.topicPage(topicId);
    if (!page) return null;
    const facts = topicFacts({ ...page, created_by: page.created_by ?? page.details?.created_by ?? null }, this.baseUrl);
    const first = page.post_stream.posts.find((post) => post.post_number === 1);
    return {
      ...facts,
      firstPostText: first ? htmlToPlainText(first.cooked) : null,
      deleted: page.deleted_at != null,
      archived: page.archived,
      acceptedPostNumber: page.accepted_answer?.post_number ?? null,
    };
  }

  async categorySlug(categoryId: number): Promise<string | null> {
    const age = this.categories ? Date.now() - this.categories.fetchedAt : Infinity;
    // A category we do not know yet may be new: that is worth asking again for, now and then.
    if (age >= CATEGORIES_TTL_MS || (!this.categories?.slugs.has(categoryId) && age >= CATEGORIES_MISS_MS)) {
      const site = siteCategories.parse(await this.request("GET", "/site.json"));
      this.categories = { slugs: new Map(site.categories.map((category) => [category.id, category.slug])), fetchedAt: Date.now() };
    }
    return this.categories?.slugs.get(categoryId) ?? null;
  }

  async getPost(postId: number): Promise<PostSnapshot | null> {
    const body = await this.request("GET", `/posts/${postId}.json`, { notFoundIsNull: true });
    if (body === null) return null;
    const post = postState.parse(body);
    return { postId: post.id, topicId: post.topic_id, postNumber: post.post_number, deleted: post.deleted_at != null || post.user_deleted, raw: post.raw };
  }

  async getThread(topicId: number): Promise<Array<{ username: string; text: string }>> {
    const page = await this.topicPage(topicId);
    return (page?.post_stream.posts ?? []).map((post) => ({ username: post.username, text: htmlToPlainText(post.cooked) }));
  }

  async searchSolved(input: { query: string; limit: number; excludeTopicId: number }): Promise<SolvedTopic[]> {
    // status:solved is the Solved plugin's search filter: only topics with an accepted answer.
    const query = new URLSearchParams({ q: `${input.query} status:solved` });
    const found = searchResults.parse(await this.request("GET", `/search.json?${query}`));
    // Every result is solved: `limit` topic pages are enough, and no more are fetched.
    const ids = found.topics
      .map((topic) => topic.id)
      .filter((id) => id !== input.excludeTopicId)
      .slice(0, input.limit);
    const solved: SolvedTopic[] = [];
    for (const id of ids) {
      const page = await this.topicPage(id);
      const accepted = page?.accepted_answer;
      if (!page || !accepted) continue;
      // The accepted post is usually on the first page; the Solved excerpt stands in when it is not.
      const post = page.post_stream.posts.find((candidate) => candidate.post_number === accepted.post_number);
      const answer = htmlToPlainText(post?.cooked ?? accepted.excerpt ?? "");
      if (answer) solved.push({ topicId: page.id, title: page.title, url: topicUrl(this.baseUrl, page.slug, page.id), answer });
    }
    return solved;
  }

  async setTopicTags(input: { topicId: number; tags: string[] }): Promise<void> {
    // PUT /t/{slug}/{id}.json replaces the topic's tags; "-" stands for any slug. Sent as the API key's own user.
    await this.request("PUT", `/t/-/${input.topicId}.json`, { body: { tags: input.tags } });
  }

  async listLatest(cursor: string | null): Promise<{ events: CommunityEvent[]; cursor: string | null }> {
    const page = latest.parse(await this.request("GET", "/latest.json?order=created&ascending=false"));
    const topics = page.topic_list.topics.filter((topic) => topic.archetype !== "private_message");
    const newest = Math.max(0, ...topics.map((topic) => topic.id));
    // The first poll only sets the baseline: old topics are not news.
    if (cursor === null) return { events: [], cursor: String(newest) };
    const since = Number(cursor);
    const events: CommunityEvent[] = topics
      .filter((topic) => topic.id > since)
      .sort((a, b) => a.id - b.id)
      .map((topic) => ({ type: "topic.opened", topic: topicFacts({ ...topic, created_by: null }, this.baseUrl) }));
    return { events, cursor: String(Math.max(since, newest)) };
  }

  private async topicPage(topicId: number) {
    const body = await this.request("GET", `/t/${topicId}.json`, { notFoundIsNull: true });
    return body === null ? null : topicPage.parse(body);
  }

  private async request(
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    options: { asUsername?: string; body?: unknown; notFoundIsNull?: boolean; emptyIsOk?: boolean } = {},
  ): Promise<unknown> {
    await this.spend(`${method} ${path}`);
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          "Api-Key": this.options.apiKey,
          "Api-Username": options.asUsername ?? this.options.apiUsername,
          Accept: "application/json",
          ...(options.body ? { "Content-Type": "application/json" } : {}),
        },
        ...(options.body ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15000),
      });
    } catch (error) {
      throw new RetryableError(`Discourse unreachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    const json = parseJson(text);
    if (response.ok) return json ?? (options.emptyIsOk ? {} : null);
    if (response.status === 404 && options.notFoundIsNull) return null;
    const details = errorBody.safeParse(json ?? {});
    const reason = details.success ? (details.data.errors?.join(" ") ?? details.data.error_type) : undefined;
    if (response.status === 429) {
      const seconds = Number(response.headers.get("retry-after")) || (details.success ? details.data.extras?.wait_seconds : undefined) || 60;
      await this.budget.block(BUDGET_KEY, seconds);
      throw new RetryableError(`Discourse rate limit on ${method} ${path}`, seconds * 1000, true);
    }
    if (response.status >= 500 || response.status === 408) throw new RetryableError(`Discourse ${response.status} on ${method} ${path}`);
    throw new PermanentError(`Discourse ${response.status} on ${method} ${path}`, reason ?? `HTTP ${response.status}`);
  }

  /** One request of the budget: waited for when it is near, else the caller is told when to come back. */
  private async spend(call: string): Promise<void> {
    for (;;) {
      try {
        await this.budget.consume(BUDGET_KEY);
        return;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        if (refusal.msBeforeNext > MAX_BUDGET_WAIT_MS)
          throw new RetryableError(`Discourse budget spent: ${call} in ${refusal.msBeforeNext} ms`, refusal.msBeforeNext, true);
        await new Promise((resolve) => setTimeout(resolve, refusal.msBeforeNext));
      }
    }
  }
}

const BUDGET_KEY = "api-key";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
