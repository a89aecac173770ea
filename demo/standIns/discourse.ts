// Stand-in for a Discourse forum on 127.0.0.1: a tiny in-memory community (users, topics, posts) that
// answers the API calls Advocate makes and sends webhooks the way Discourse does (compact JSON,
// X-Discourse-Event*, HMAC-SHA256 signature over the exact bytes). Posts made through the API fire
// their own post_created webhook afterwards, as in real Discourse.
import { createHmac } from "node:crypto";
import { listen, type RunningServer, type StandInRequest, type StandInReply } from "./http";

export interface CommunityUser {
  id: number;
  username: string;
  name: string;
  email: string;
  trustLevel: number;
  title?: string | null;
}

export interface Topic {
  id: number;
  title: string;
  slug: string;
  categoryId: number;
  categorySlug: string;
  tags: string[];
  createdAt: Date;
  userId: number;
  closed: boolean;
}

export interface Post {
  id: number;
  topicId: number;
  postNumber: number;
  userId: number;
  raw: string;
  cooked: string;
  createdAt: Date;
  replyToPostNumber: number | null;
}

export type DiscourseActivity =
  | { kind: "api"; method: string; path: string; apiUsername: string; status: number; body: unknown; response: unknown }
  | { kind: "webhook"; event: string; eventId: string; body: Record<string, unknown>; status: number; reply: unknown };

const TAG_IDS: Record<string, number> = { facturatie: 14, abonnement: 22, export: 31, app: 35 };

export class DiscourseStandIn {
  readonly activity: DiscourseActivity[] = [];
  private readonly users = new Map<number, CommunityUser>();
  private readonly topics = new Map<number, Topic>();
  private readonly posts: Post[] = [];
  private server: RunningServer | null = null;
  private webhookUrl: string | null = null;
  private nextPostId = 19077;
  private nextEventId = 90211;
  private readonly pending = new Set<Promise<unknown>>();
  private listeners: Array<(activity: DiscourseActivity) => void> = [];

  constructor(
    private readonly apiKey: string,
    private readonly webhookSecret: string,
    users: CommunityUser[],
    /** Discourse's per-key API limit, for benchmarks (default 60 a minute there); off unless asked for. */
    private readonly limits: { requestsPerMinute?: number } = {},
  ) {
    for (const user of users) this.users.set(user.id, user);
  }

  /** When the API took its recent requests (for the per-minute limit). */
  private readonly recentRequests: number[] = [];

  async start(): Promise<void> {
    this.server = await listen((request) => this.handle(request));
  }

  /** DISCOURSE_URL for the app. */
  get baseUrl(): string {
    if (!this.server) throw new Error("Discourse stand-in not started");
    return this.server.origin;
  }

  /** Admin → API → Webhooks: Payload URL (content type application/json, events Topic + Post). */
  setWebhook(url: string): void {
    this.webhookUrl = url;
  }

  onActivity(listener: (activity: DiscourseActivity) => void): void {
    this.listeners.push(listener);
  }

  user(username: string): CommunityUser {
    const found = [...this.users.values()].find((user) => user.username === username);
    if (!found) throw new Error(`no community user @${username}`);
    return found;
  }

  /** Waits for webhooks still being delivered. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    await this.settle();
    await this.server?.close();
    this.server = null;
  }

  // ---- the community itself ------------------------------------------------------------------

  createTopic(author: CommunityUser, input: { id: number; title: string; tags: string[]; raw: string; minutesAgo?: number }): { topic: Topic; post: Post } {
    const createdAt = new Date(Date.now() - (input.minutesAgo ?? 0) * 60_000);
    const topic: Topic = {
      id: input.id,
      title: input.title,
      slug: slugify(input.title),
      categoryId: 5,
      categorySlug: "support",
      tags: input.tags,
      createdAt,
      userId: author.id,
      closed: false,
    };
    this.topics.set(topic.id, topic);
    return { topic, post: this.createPost(author, topic.id, input.raw, null, createdAt) };
  }

  createPost(author: CommunityUser, topicId: number, raw: string, replyToPostNumber: number | null = null, at = new Date()): Post {
    const post: Post = {
      id: this.nextPostId++,
      topicId,
      postNumber: this.posts.filter((p) => p.topicId === topicId).length + 1,
      userId: author.id,
      raw,
      cooked: cook(raw),
      createdAt: at,
      replyToPostNumber,
    };
    this.posts.push(post);
    return post;
  }

  // ---- webhooks ------------------------------------------------------------------------------

  topicCreatedBody(topic: Topic): Record<string, unknown> {
    return { topic: this.topicJson(topic) };
  }

  postCreatedBody(post: Post): Record<string, unknown> {
    return { post: this.webhookPostJson(post) };
  }

  /** Sends one webhook like Discourse's EmitWebHookEvent job: compact JSON, signed over those bytes. */
  /** Sends one webhook to the configured URL, or to `url` (one of several replicas behind no balancer). */
  async emit(event: string, body: Record<string, unknown>, url = this.webhookUrl): Promise<{ status: number; reply: unknown }> {
    if (!url) throw new Error("no webhook configured");
    const raw = JSON.stringify(body);
    const eventId = String(this.nextEventId++);
    const response = await fetch(url, {
      method: "POST",
      body: raw,
      headers: {
        Accept: "*/*",
        "Content-Type": "application/json",
        "User-Agent": "Discourse/3.6.0.beta2",
        "X-Discourse-Instance": this.baseUrl,
        "X-Discourse-Event-Id": eventId,
        "X-Discourse-Event-Type": Object.keys(body)[0] ?? "",
        "X-Discourse-Event": event,
        "X-Discourse-Event-Signature": `sha256=${createHmac("sha256", this.webhookSecret).update(raw).digest("hex")}`,
      },
    });
    const reply = parseJson(await response.text());
    this.record({ kind: "webhook", event, eventId, body, status: response.status, reply });
    return { status: response.status, reply };
  }

  // ---- the API -------------------------------------------------------------------------------

  private handle(request: StandInRequest): StandInReply {
    const apiUsername = String(request.headers["api-username"] ?? "");
    const reply = this.rateLimited() ?? this.route(request, apiUsername);
    this.record({
      kind: "api",
      method: request.method,
      path: `${request.url.pathname}${request.url.search}`,
      apiUsername,
      status: reply.status ?? 200,
      body: request.body ? parseJson(request.body) : null,
      response: reply.json,
    });
    return reply;
  }

  /** Over the limit: 429 with the wait in `extras.wait_seconds` (and Retry-After), as Discourse's rate limiter answers. */
  private rateLimited(): StandInReply | null {
    const perMinute = this.limits.requestsPerMinute;
    if (!perMinute) return null;
    const now = Date.now();
    while (this.recentRequests.length && (this.recentRequests[0] ?? 0) <= now - 60_000) this.recentRequests.shift();
    if (this.recentRequests.length < perMinute) {
      this.recentRequests.push(now);
      return null;
    }
    const waitSeconds = Math.max(1, Math.ceil(((this.recentRequests[0] ?? now) + 60_000 - now) / 1000));
    return {
      status: 429,
      headers: { "Retry-After": String(waitSeconds) },
      json: {
        errors: ["You’ve performed this action too many times. Please wait a few seconds before trying again."],
        error_type: "rate_limit",
        extras: { wait_seconds: waitSeconds, time_left: `${waitSeconds} seconds` },
      },
    };
  }

  private route(request: StandInRequest, apiUsername: string): StandInReply {
    if (request.headers["api-key"] !== this.apiKey) {
      return {
        status: 403,
        json: { errors: ["You are not permitted to view the requested resource. The API username or key is invalid."], error_type: "invalid_access" },
      };
    }
    const path = request.url.pathname;
    const notFound: StandInReply = { status: 404, json: { errors: ["The requested URL or resource could not be found."], error_type: "not_found" } };
    if (request.method === "GET" && path === "/admin/users/list/active.json") {
      const email = (request.url.searchParams.get("email") ?? "").toLowerCase();
      return { json: [...this.users.values()].filter((user) => user.email.toLowerCase() === email).map((user) => this.adminUserJson(user)) };
    }
    if (request.method === "GET" && path === "/latest.json") return { json: this.latestJson() };
    const topicMatch = /^\/t\/(\d+)\.json$/.exec(path);
    if (request.method === "GET" && topicMatch) {
      const topic = this.topics.get(Number(topicMatch[1]));
      return topic ? { json: this.topicPageJson(topic) } : notFound;
    }
    const postMatch = /^\/posts\/(\d+)\.json$/.exec(path);
    if (request.method === "GET" && postMatch) {
      const post = this.posts.find((p) => p.id === Number(postMatch[1]));
      return post ? { json: { ...this.postJson(post), raw: post.raw } } : notFound;
    }
    if (request.method === "POST" && path === "/posts.json") return this.createPostFromApi(request, apiUsername);
    return notFound;
  }

  private createPostFromApi(request: StandInRequest, apiUsername: string): StandInReply {
    const author = [...this.users.values()].find((user) => user.username.toLowerCase() === apiUsername.toLowerCase());
    if (!author)
      return {
        status: 403,
        json: { errors: ["You are not permitted to view the requested resource. The API username or key is invalid."], error_type: "invalid_access" },
      };
    const body = parseJson(request.body) as { topic_id?: number; raw?: string; reply_to_post_number?: number } | null;
    const topic = this.topics.get(Number(body?.topic_id));
    if (!topic) return { status: 422, json: { action: "create_post", errors: ["Topic not found"] } };
    if ((body?.raw ?? "").trim().length < 20) return { status: 422, json: { action: "create_post", errors: ["Body is too short (minimum is 20 characters)"] } };
    const post = this.createPost(author, topic.id, body?.raw ?? "", body?.reply_to_post_number ?? null);
    // Discourse then fires post_created from a background job.
    const delivery = new Promise((resolve) => setTimeout(resolve, 20)).then(() => this.emit("post_created", this.postCreatedBody(post))).catch(() => undefined);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
    return { json: this.createPostResponseJson(post) };
  }

  private record(activity: DiscourseActivity): void {
    this.activity.push(activity);
    for (const listener of this.listeners) listener(activity);
  }

  // ---- serializers (field sets as in Discourse's own serializers) -----------------------------

  private author(post: Post): CommunityUser {
    const user = this.users.get(post.userId);
    if (!user) throw new Error(`unknown user ${post.userId}`);
    return user;
  }

  private avatar(user: CommunityUser): string {
    return `/user_avatar/${new URL(this.baseUrl).host}/${user.username}/{size}/${user.id}_2.png`;
  }

  private basicUser(user: CommunityUser) {
    return { id: user.id, username: user.username, name: user.name, avatar_template: this.avatar(user) };
  }

  private tagsJson(topic: Topic) {
    return topic.tags.map((name) => ({ id: TAG_IDS[name] ?? 99, name, slug: name }));
  }

  private topicPosts(topic: Topic): Post[] {
    return this.posts.filter((post) => post.topicId === topic.id);
  }

  private topicJson(topic: Topic): Record<string, unknown> {
    const posts = this.topicPosts(topic);
    const last = posts[posts.length - 1];
    const creator = this.users.get(topic.userId);
    return {
      tags: this.tagsJson(topic),
      tags_descriptions: {},
      id: topic.id,
      title: topic.title,
      fancy_title: escapeHtml(topic.title),
      posts_count: posts.length,
      created_at: topic.createdAt.toISOString(),
      views: 0,
      reply_count: Math.max(0, posts.length - 1),
      like_count: 0,
      last_posted_at: (last?.createdAt ?? topic.createdAt).toISOString(),
      visible: true,
      closed: topic.closed,
      archived: false,
      archetype: "regular",
      slug: topic.slug,
      category_id: topic.categoryId,
      word_count: posts.reduce((sum, post) => sum + post.raw.split(/\s+/).length, 0),
      deleted_at: null,
      user_id: topic.userId,
      featured_link: null,
      pinned_globally: false,
      pinned_at: null,
      pinned_until: null,
      unpinned: null,
      pinned: false,
      highest_post_number: posts.length,
      deleted_by: null,
      has_deleted: false,
      bookmarked: false,
      participant_count: new Set(posts.map((post) => post.userId)).size,
      thumbnails: null,
      created_by: creator ? this.basicUser(creator) : null,
      last_poster: last ? this.basicUser(this.author(last)) : null,
    };
  }

  private postJson(post: Post): Record<string, unknown> {
    const user = this.author(post);
    const topic = this.topics.get(post.topicId);
    return {
      id: post.id,
      name: user.name,
      username: user.username,
      avatar_template: this.avatar(user),
      created_at: post.createdAt.toISOString(),
      cooked: post.cooked,
      post_number: post.postNumber,
      post_type: 1,
      updated_at: post.createdAt.toISOString(),
      reply_count: 0,
      reply_to_post_number: post.replyToPostNumber,
      quote_count: 0,
      incoming_link_count: 0,
      reads: 1,
      score: 0,
      topic_id: post.topicId,
      topic_slug: topic?.slug ?? "",
      display_username: user.name,
      primary_group_name: null,
      flair_name: null,
      flair_group_id: null,
      version: 1,
      user_title: user.title ?? null,
      bookmarked: false,
      moderator: false,
      admin: false,
      staff: false,
      user_id: user.id,
      hidden: false,
      trust_level: user.trustLevel,
      deleted_at: null,
      user_deleted: false,
      edit_reason: null,
      wiki: false,
      reviewable_id: null,
      reviewable_score_count: 0,
      reviewable_score_pending_count: 0,
    };
  }

  private webhookPostJson(post: Post): Record<string, unknown> {
    const topic = this.topics.get(post.topicId);
    const count = topic ? this.topicPosts(topic).length : 1;
    return {
      ...this.postJson(post),
      posts_count: count,
      topic_title: topic?.title ?? null,
      category_id: topic?.categoryId ?? null,
      title_is_group: false,
      raw: post.raw,
      post_url: `/t/${topic?.slug ?? "topic"}/${post.topicId}/${post.postNumber}`,
      topic_posts_count: count,
      topic_filtered_posts_count: count,
      topic_archetype: "regular",
      category_slug: topic?.categorySlug ?? null,
    };
  }

  private createPostResponseJson(post: Post): Record<string, unknown> {
    const topic = this.topics.get(post.topicId);
    return {
      ...this.postJson(post),
      raw: post.raw,
      posts_count: topic ? this.topicPosts(topic).length : 1,
      readers_count: 0,
      yours: true,
      flair_url: null,
      flair_bg_color: null,
      flair_color: null,
      badges_granted: [],
      can_edit: true,
      can_delete: false,
      can_recover: false,
      can_see_hidden_post: false,
      can_wiki: false,
      actions_summary: [3, 4, 8, 7].map((id) => ({ id, can_act: true })),
      draft_sequence: 1,
      can_view_edit_history: true,
      post_url: `/t/${topic?.slug ?? "topic"}/${post.topicId}/${post.postNumber}`,
      post_localizations: [],
      mentioned_users: [],
    };
  }

  private topicPageJson(topic: Topic): Record<string, unknown> {
    const posts = this.topicPosts(topic);
    const creator = this.users.get(topic.userId);
    const last = posts[posts.length - 1];
    // The topic page carries created_by and last_poster under details, not at the top.
    const rest = this.topicJson(topic);
    delete rest.created_by;
    delete rest.last_poster;
    return {
      post_stream: {
        posts: posts.map((post) => ({ ...this.postJson(post), read: true, yours: false, actions_summary: [] })),
        stream: posts.map((post) => post.id),
      },
      timeline_lookup: [[1, 0]],
      suggested_topics: [],
      ...rest,
      current_post_number: 1,
      chunk_size: 20,
      details: {
        can_create_post: true,
        participants: [...new Set(posts.map((post) => post.userId))]
          .map((id) => this.users.get(id))
          .filter((user): user is CommunityUser => !!user)
          .map((user) => this.basicUser(user)),
        created_by: creator ? this.basicUser(creator) : null,
        last_poster: last ? this.basicUser(this.author(last)) : null,
      },
    };
  }

  private latestJson(): Record<string, unknown> {
    const topics = [...this.topics.values()].sort((a, b) => b.id - a.id);
    const userIds = new Set(topics.flatMap((topic) => this.topicPosts(topic).map((post) => post.userId)));
    return {
      users: [...userIds]
        .map((id) => this.users.get(id))
        .filter((user): user is CommunityUser => !!user)
        .map((user) => this.basicUser(user)),
      primary_groups: [],
      flair_groups: [],
      topic_list: {
        can_create_topic: true,
        more_topics_url: "/latest?no_definitions=true&page=1",
        per_page: 30,
        topics: topics.map((topic) => {
          const posts = this.topicPosts(topic);
          const last = posts[posts.length - 1];
          return {
            id: topic.id,
            title: topic.title,
            fancy_title: escapeHtml(topic.title),
            slug: topic.slug,
            posts_count: posts.length,
            reply_count: Math.max(0, posts.length - 1),
            highest_post_number: posts.length,
            created_at: topic.createdAt.toISOString(),
            last_posted_at: (last?.createdAt ?? topic.createdAt).toISOString(),
            bumped: true,
            bumped_at: (last?.createdAt ?? topic.createdAt).toISOString(),
            archetype: "regular",
            visible: true,
            closed: topic.closed,
            archived: false,
            tags: this.tagsJson(topic),
            category_id: topic.categoryId,
            last_poster_username: last ? this.author(last).username : null,
            has_accepted_answer: false,
            posters: [...new Set(posts.map((post) => post.userId))].map((user_id) => ({
              extras: null,
              description: "Poster",
              user_id,
              primary_group_id: null,
              flair_group_id: null,
            })),
          };
        }),
      },
    };
  }

  private adminUserJson(user: CommunityUser): Record<string, unknown> {
    return {
      ...this.basicUser(user),
      email: user.email,
      secondary_emails: [],
      active: true,
      admin: false,
      moderator: false,
      trust_level: user.trustLevel,
      title: user.title ?? null,
      staged: false,
      created_at: "2025-03-04T09:12:44.000Z",
    };
  }
}

function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A very small Markdown → "cooked" HTML: paragraphs, line breaks, @mentions; HTML comments dropped. */
function cook(raw: string): string {
  return raw
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim()
    .split(/\n{2,}/)
    .map(
      (paragraph) =>
        `<p>${escapeHtml(paragraph)
          .replace(/\n/g, "<br>\n")
          .replace(/@([\w.-]+)/g, '<a class="mention" href="/u/$1">@$1</a>')}</p>`,
    )
    .join("\n");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
