// Stand-in for Microsoft's side of a Teams bot, on 127.0.0.1 (BOT_FRAMEWORK_STAND_IN_URL for the app):
// - the Bot Framework's OpenID metadata and signing keys, which the app uses to check the JWT on every activity,
//   and the key that signs those JWTs (channelToken);
// - the token endpoint where the bot trades its app id and password for a token for its own calls;
// - the Bot Connector at the activities' serviceUrl (`<origin>/`), which keeps what the bot posts so the demo
//   can wait on it and print it. Replies have the shapes Bot Connector v3 gives.
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { listen, type RunningServer, type StandInRequest, type StandInReply } from "./http";

export const TENANT = "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const ISSUER = "https://api.botframework.com";

export interface TeamsUser {
  /** The Bot Framework id (29:…), what `from.id` carries. */
  id: string;
  /** The Entra ID object id; admins are listed by it. */
  aadObjectId: string;
  name: string;
  displayName: string;
  email: string;
  locale: string;
}

export interface TeamsTeam {
  /** Also the id of its General channel. */
  id: string;
  aadGroupId: string;
  name: string;
  channels: Array<{ id: string; name: string }>;
}

export type CardElement = Record<string, unknown>;
export interface AdaptiveCardJson {
  type: "AdaptiveCard";
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action?: { data?: { topicId?: number } } };
}

/** One message the bot posted; a card keeps its id when updated. */
export interface TeamsPost {
  id: string;
  conversationId: string;
  /** The channel, for posts in one; null in a personal chat. */
  channelId: string | null;
  /** The id of the thread's first message, for replies in a channel thread. */
  threadOf: string | null;
  text: string;
  card: AdaptiveCardJson | null;
}

export type BotFrameworkCall =
  | { kind: "login"; seq: number; what: Login; method: string; path: string; status: number }
  | { kind: "connector"; seq: number; method: string; path: string; status: number; body: Record<string, unknown>; reply: unknown; post?: TeamsPost };

export type Login = "openid metadata" | "signing keys" | "token";

const OPENID_PATH = "/v1/.well-known/openidconfiguration";
const KEYS_PATH = "/v1/.well-known/keys";
const TOKEN_PATH = "/botframework.com/oauth2/v2.0/token";

/** Teams' documented limit for a bot in one thread: at most `count` messages in any `windowMs`. */
export interface TeamsLimit {
  count: number;
  windowMs: number;
}

/** Per bot per thread: 7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in an hour (Teams' rate-limiting docs). */
export const TEAMS_THREAD_LIMITS: TeamsLimit[] = [
  { count: 7, windowMs: 1000 },
  { count: 8, windowMs: 2000 },
  { count: 60, windowMs: 30_000 },
  { count: 1800, windowMs: 3_600_000 },
];

export class BotFrameworkStandIn {
  readonly calls: BotFrameworkCall[] = [];
  readonly posts = new Map<string, TeamsPost>();
  /** How the bot appears in activities: `28:` + its app id. */
  readonly bot: { id: string; name: string };
  private server: RunningServer | null = null;
  private seq = 0;
  /** Teams message ids are millisecond timestamps. */
  private nextMessageId = Date.now();
  private listeners: Array<(call: BotFrameworkCall) => void> = [];
  private readonly kid = `demo-${randomBytes(6).toString("hex")}`;
  private readonly keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  private readonly botToken = `demo-bot-token-${randomBytes(12).toString("hex")}`;

  /** When each conversation (a channel for new threads, or a thread) took a message, for the limits. */
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly app: { id: string; password: string },
    readonly users: TeamsUser[],
    readonly team: TeamsTeam,
    private readonly limits: { perThread?: TeamsLimit[] } = {},
  ) {
    this.bot = { id: `28:${app.id}`, name: "Advocate" };
  }

  async start(): Promise<void> {
    this.server = await listen((request) => this.handle(request));
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  /** BOT_FRAMEWORK_STAND_IN_URL for the app. */
  get baseUrl(): string {
    if (!this.server) throw new Error("Bot Framework stand-in not started");
    return this.server.origin;
  }

  /** The Bot Connector, as activities name it. */
  get serviceUrl(): string {
    return `${this.baseUrl}/`;
  }

  onCall(listener: (call: BotFrameworkCall) => void): void {
    this.listeners.push(listener);
  }

  /** The JWT the Bot Framework channel puts on an activity it sends to the bot. */
  channelToken(serviceUrl: string): string {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const input = `${part({ alg: "RS256", typ: "JWT", kid: this.kid })}.${part({ iss: ISSUER, aud: this.app.id, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 })}`;
    return `${input}.${sign("sha256", Buffer.from(input), this.keys.privateKey).toString("base64url")}`;
  }

  /** Each person's one-to-one chat with the bot has one id, whoever starts it. */
  personalChatOf(user: TeamsUser): string {
    return `a:1${Buffer.from(user.id).toString("base64url").slice(-40)}`;
  }

  ownerOfChat(conversationId: string): TeamsUser | undefined {
    return this.users.find((user) => this.personalChatOf(user) === conversationId);
  }

  channelName(channelId: string): string | undefined {
    return channelId === this.team.id ? "General" : this.team.channels.find((channel) => channel.id === channelId)?.name;
  }

  connectorCalls(): Array<Extract<BotFrameworkCall, { kind: "connector" }>> {
    return this.calls.filter((call): call is Extract<BotFrameworkCall, { kind: "connector" }> => call.kind === "connector");
  }

  private record(call: BotFrameworkCall): void {
    this.calls.push(call);
    for (const listener of this.listeners) listener(call);
  }

  private handle(request: StandInRequest): StandInReply {
    const path = request.url.pathname;
    if (request.method === "GET" && path === OPENID_PATH) return this.login(request, "openid metadata", { json: this.openIdMetadata() });
    if (request.method === "GET" && path === KEYS_PATH) return this.login(request, "signing keys", { json: { keys: [this.jwk()] } });
    if (request.method === "POST" && path === TOKEN_PATH) return this.login(request, "token", this.token(request));
    if (path.startsWith("/v3/")) return this.connector(request);
    return { status: 404, json: { error: "not_found" } };
  }

  private login(request: StandInRequest, what: Login, reply: StandInReply): StandInReply {
    this.record({ kind: "login", seq: ++this.seq, what, method: request.method, path: request.url.pathname, status: reply.status ?? 200 });
    return reply;
  }

  private openIdMetadata(): Record<string, unknown> {
    return {
      issuer: ISSUER,
      authorization_endpoint: "https://invalid.botframework.com",
      jwks_uri: `${this.baseUrl}${KEYS_PATH}`,
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
    };
  }

  /** The public half, endorsed for Teams: botbuilder refuses a key whose endorsements lack the activity's channel. */
  private jwk(): Record<string, unknown> {
    const { n, e } = this.keys.publicKey.export({ format: "jwk" });
    return { kty: "RSA", use: "sig", kid: this.kid, n, e, endorsements: ["msteams"] };
  }

  /** Entra ID's client-credentials grant: the bot's app id and password for a token. */
  private token(request: StandInRequest): StandInReply {
    const form = new URLSearchParams(request.body);
    if (form.get("grant_type") !== "client_credentials" || form.get("client_id") !== this.app.id || form.get("client_secret") !== this.app.password) {
      return { status: 401, json: { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." } };
    }
    return { json: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: this.botToken } };
  }

  // ---- the Bot Connector ---------------------------------------------------------------------

  private connector(request: StandInRequest): StandInReply {
    const body = parseJson(request.body);
    const reply: StandInReply & { post?: TeamsPost } =
      request.headers.authorization === `Bearer ${this.botToken}`
        ? this.connectorMethod(request.method, segments(request.url.pathname), body)
        : { status: 401, json: { message: "Authorization has been denied for this request." } };
    const { post, ...answer } = reply;
    this.record({
      kind: "connector",
      seq: ++this.seq,
      method: request.method,
      path: decodeURIComponent(request.url.pathname),
      status: answer.status ?? 200,
      body,
      reply: answer.json,
      ...(post ? { post } : {}),
    });
    return answer;
  }

  /** `parts` are the path's decoded segments after /v3. */
  private connectorMethod(method: string, parts: string[], body: Record<string, unknown>): StandInReply & { post?: TeamsPost } {
    const [resource, id, sub, subId] = parts;
    if (resource === "teams" && method === "GET" && id && sub === "conversations") {
      if (id !== this.team.id) return notFound("TeamNotFound", `Team ${id} not found`);
      // General has the team's id and, in this list, no name.
      return { json: { conversations: [{ id: this.team.id, name: null }, ...this.team.channels] } };
    }
    if (resource !== "conversations") return notFound("NotFound", "Unknown resource");
    if (method === "POST" && !id) {
      const channelId = (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
      return (channelId && this.throttled(channelId)) || this.createConversation(body);
    }
    if (!id) return notFound("NotFound", "Unknown resource");
    if (method === "POST" && sub === "activities") return this.throttled(id) ?? this.send(id, body);
    if (method === "PUT" && sub === "activities" && subId) return this.update(subId, body);
    if (method === "GET" && sub === "members" && subId) {
      const user = this.users.find((candidate) => candidate.id === subId);
      return user ? { json: memberJson(user) } : notFound("MemberNotFoundInConversation", "The specified user is not a member of this conversation");
    }
    return notFound("NotFound", "Unknown resource");
  }

  /** A card as a new thread in a channel, or a new personal chat (then the bot sends into it). */
  /** Over one of Teams' per-thread windows: 429 with Retry-After, as the Bot Connector answers. */
  private throttled(conversationId: string): StandInReply | null {
    const windows = this.limits.perThread;
    if (!windows?.length) return null;
    const now = Date.now();
    const longest = Math.max(...windows.map((window) => window.windowMs));
    const times = (this.recent.get(conversationId) ?? []).filter((at) => at > now - longest);
    const over = windows.find((window) => times.filter((at) => at > now - window.windowMs).length >= window.count);
    if (over) {
      this.recent.set(conversationId, times);
      return {
        status: 429,
        headers: { "Retry-After": "1" },
        json: { error: { code: "TooManyRequests", message: `More than ${over.count} messages in ${over.windowMs / 1000} s in this conversation` } },
      };
    }
    this.recent.set(conversationId, [...times, now]);
    return null;
  }

  private createConversation(body: Record<string, unknown>): StandInReply & { post?: TeamsPost } {
    const channelId = (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    if (channelId) {
      if (!this.channelName(channelId)) return notFound("ConversationNotFound", "Conversation not found.");
      const id = String(this.nextMessageId++);
      const post = this.store(
        { id, conversationId: `${channelId};messageid=${id}`, channelId, threadOf: null },
        (body.activity ?? {}) as Record<string, unknown>,
      );
      return { status: 201, json: { id: post.conversationId, activityId: id }, post };
    }
    const member = this.users.find((user) => user.id === (body.members as Array<{ id?: string }> | undefined)?.[0]?.id);
    if (!member) return { status: 400, json: { error: { code: "BadArgument", message: "Members are required" } } };
    return { status: 201, json: { id: this.personalChatOf(member) } };
  }

  /** A message into a conversation: a channel thread (`<channel>;messageid=<first>`) or a personal chat. */
  private send(conversationId: string, body: Record<string, unknown>): StandInReply & { post?: TeamsPost } {
    const [channelId = "", threadOf] = conversationId.split(";messageid=");
    const inChannel = Boolean(this.channelName(channelId));
    if (!inChannel && !this.ownerOfChat(conversationId)) return notFound("ConversationNotFound", "Conversation not found.");
    const post = this.store({ id: String(this.nextMessageId++), conversationId, channelId: inChannel ? channelId : null, threadOf: threadOf ?? null }, body);
    return { json: { id: post.id }, post };
  }

  private update(activityId: string, body: Record<string, unknown>): StandInReply & { post?: TeamsPost } {
    const existing = this.posts.get(activityId);
    if (!existing) return notFound("NotFound", "The message was not found");
    const post = this.store(existing, body);
    return { json: { id: post.id }, post };
  }

  private store(where: Pick<TeamsPost, "id" | "conversationId" | "channelId" | "threadOf">, activity: Record<string, unknown>): TeamsPost {
    const attachment = (activity.attachments as Array<{ contentType?: string; content?: unknown }> | undefined)?.find(
      (item) => item.contentType === "application/vnd.microsoft.card.adaptive",
    );
    const post: TeamsPost = { ...where, text: String(activity.text ?? ""), card: (attachment?.content as AdaptiveCardJson | undefined) ?? null };
    this.posts.set(post.id, post);
    return post;
  }
}

/** A TeamsChannelAccount: what Teams knows about a member, email included. */
function memberJson(user: TeamsUser): Record<string, unknown> {
  const [givenName = "", ...rest] = user.name.split(" ");
  return {
    id: user.id,
    name: user.name,
    aadObjectId: user.aadObjectId,
    givenName,
    surname: rest.join(" "),
    email: user.email,
    userPrincipalName: user.email,
    tenantId: TENANT,
    userRole: "user",
  };
}

function notFound(code: string, message: string): StandInReply {
  return { status: 404, json: { error: { code, message } } };
}

function segments(pathname: string): string[] {
  return pathname.split("/").slice(2).map(decodeURIComponent);
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
