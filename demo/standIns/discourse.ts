// Stand-in for a Discourse forum on 127.0.0.1: a tiny in-memory community (users, topics, posts) that
// answers the API calls Advocate makes and sends webhooks the way Discourse does (compact JSON,
// X-Discourse-Event*, HMAC-SHA256 signature over the exact bytes). Posts made or edited through the API fire
// their own post_created / post_edited webhook afterwards, as in real Discourse; a moderator moving or retagging a
// topic fires topic_edited.
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
  /** 1 when created; each revision adds one (PostRevisor). */
  version: number;
  updatedAt: Date;
  editReason: string | null;
}

export type DiscourseActivity =
  | { kind: "api"; method: string; path: string; apiUsername: string; status: number; body: unknown; response: unknown }
  | { kind: "webhook"; event: string; eventId: string; body: Record<string, unknown>; status: number; reply: unknown };

const TAG_IDS: Record<string, number> = { facturatie: 14, abonnement: 22, export: 31, app: 35 };

/** The forum's categories (as GET /site.json lists them): topics start in Support. */
const CATEGORIES = [
  {
    id: 1,
    name: "Uncategorized",
    slug: "uncategorized",
    color: "0088CC",
    description: "Topics that don't need a category, or don't fit into any other existing category.",
  },
  { id: 5, name: "Support", slug: "support", color: "25AAE2", description: "Vragen over je aansluiting, meter en app." },
  { id: 7, name: "Betalingen", slug: "payments", color: "F1592A", description: "Facturen, termijnen en terugbetalingen." },
] as const;
const SUPPORT = 5;

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
      categoryId: SUPPORT,
      categorySlug: categorySlug(SUPPORT),
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
      version: 1,
      updatedAt: at,
      editReason: null,
    };
    this.posts.push(post);
    return post;
  }

  /**
   * A moderator moves a topic to another category or retags it (the topic's edit form). Discourse revises the first
   * post with topic_changed, and then sends topic_edited with the topic (not post_edited: config/initializers/
   * 012-web_hook_events.rb skips it for a first post whose topic changed).
   */
  async editTopic(topicId: number, change: { categoryId?: number; tags?: string[] }): Promise<{ status: number; reply: unknown }> {
    const topic = this.topics.get(topicId);
    if (!topic) throw new Error(`no topic #${topicId}`);
    if (change.categoryId !== undefined) {
      topic.categoryId = change.categoryId;
      topic.categorySlug = categorySlug(change.categoryId);
    }
    if (change.tags) topic.tags = change.tags;
    return this.emit("topic_edited", this.topicEditedBody(topic));
  }

  // ---- webhooks ------------------------------------------------------------------------------

  topicCreatedBody(topic: Topic): Record<string, unknown> {
    return { topic: this.topicJson(topic) };
  }

  /** topic_created and topic_edited carry the same body: the topic under "topic". */
  topicEditedBody(topic: Topic): Record<string, unknown> {
    return this.topicCreatedBody(topic);
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
    if (request.method === "GET" && path === "/site.json") return { json: siteJson() };
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
    if (request.method === "PUT" && postMatch) {
      const post = this.posts.find((p) => p.id === Number(postMatch[1]));
      return post ? this.editPostFromApi(post, request, apiUsername) : notFound;
    }
    if (request.method === "POST" && path === "/posts.json") return this.createPostFromApi(request, apiUsername);
    return notFound;
  }

  private apiUser(apiUsername: string): CommunityUser | undefined {
    return [...this.users.values()].find((user) => user.username.toLowerCase() === apiUsername.toLowerCase());
  }

  /** Discourse fires webhooks from a background job, a moment after the API call answered. */
  private emitSoon(event: string, body: Record<string, unknown>): void {
    const delivery = new Promise((resolve) => setTimeout(resolve, 20)).then(() => this.emit(event, body)).catch(() => undefined);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  /** PUT /posts/{id}.json `{"post":{"raw","edit_reason"}}`: the author revises their own post (PostsController#update). */
  private editPostFromApi(post: Post, request: StandInRequest, apiUsername: string): StandInReply {
    const editor = this.apiUser(apiUsername);
    // Only the author here: the stand-in has no staff who may edit anyone's post.
    if (!editor || editor.id !== post.userId)
      return { status: 403, json: { errors: ["You are not permitted to view the requested resource."], error_type: "invalid_access" } };
    const body = parseJson(request.body) as { post?: { raw?: string; edit_reason?: string } } | null;
    const raw = body?.post?.raw ?? "";
    if (raw.trim().length < 20) return { status: 422, json: { errors: ["Body is too short (minimum is 20 characters)"], error_type: "invalid_parameters" } };
    if (raw !== post.raw) {
      post.raw = raw;
      post.cooked = cook(raw);
      post.version += 1;
      post.updatedAt = new Date();
      post.editReason = body?.post?.edit_reason ?? null;
      this.emitSoon("post_edited", this.postCreatedBody(post));
    }
    return { json: { post: this.createPostResponseJson(post) } };
  }

  private createPostFromApi(request: StandInRequest, apiUsername: string): StandInReply {
    const author = this.apiUser(apiUsername);
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
    this.emitSoon("post_created", this.postCreatedBody(post));
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
      updated_at: post.updatedAt.toISOString(),
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
      version: post.version,
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
      edit_reason: post.editReason,
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

function categorySlug(id: number): string {
  const category = CATEGORIES.find((candidate) => candidate.id === id);
  if (!category) throw new Error(`no category ${id}`);
  return category.slug;
}

/** GET /site.json, trimmed: SiteSerializer without a root, so `categories` is top level and flat. */
function siteJson(): Record<string, unknown> {
  return {
    default_archetype: "regular",
    post_types: { regular: 1, moderator_action: 2, small_action: 3, whisper: 4 },
    trust_levels: { newuser: 0, basic: 1, member: 2, regular: 3, leader: 4 },
    can_create_tag: false,
    can_tag_topics: true,
    categories: CATEGORIES.map((category, position) => ({
      id: category.id,
      name: category.name,
      color: category.color,
      text_color: "FFFFFF",
      slug: category.slug,
      position,
      description: category.description,
      description_text: category.description,
      topic_url: `/t/about-the-${category.slug}-category/${category.id + 1}`,
      read_restricted: false,
      permission: 1,
      notification_level: 1,
      has_children: false,
      can_edit: false,
    })),
  };
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
