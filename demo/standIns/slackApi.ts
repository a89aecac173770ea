// Stand-in for Slack's side of the wire: the Web API (https://slack.com/api/<method>) and the
// response_url endpoints, on 127.0.0.1. It records every call so the demo can wait on them and print them.
// @slack/web-api posts application/x-www-form-urlencoded with objects (blocks, view) JSON-encoded;
// JSON bodies are accepted too. Errors look like Slack's: HTTP 200 with ok:false.
import { randomBytes } from "node:crypto";
import { listen, type RunningServer, type StandInRequest, type StandInReply } from "./http";

export const TEAM = { id: "T04VLT8RQ2M", domain: "voltaro" };
export const APP = { appId: "A07ADVC8Q1Z", botUserId: "U07ADVBOT9X", botId: "B07ADVC9K3P", verificationToken: "Zx9LqVt2pE7mH4sKc1RnW8yB" };

export interface SlackUser {
  id: string;
  name: string;
  realName: string;
  displayName: string;
  email: string;
  locale: string;
  tz: string;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Block[];
  threadTs?: string;
  metadata?: Record<string, unknown>;
  /** Who wrote it, when a person did; Advocate's own messages have none. */
  user?: string;
}

/** A message only one person sees (chat.postEphemeral): Slack keeps no copy in the conversation. */
export interface EphemeralMessage extends SlackMessage {
  visibleTo: string;
}

/** Slack's real ceilings, for benchmarks: off unless asked for, so the demo runs at full speed. */
export interface SlackLimits {
  /** chat.postMessage per channel per second; beyond it 429 with Retry-After, as Slack answers. */
  postsPerChannelPerSecond?: number;
}

export type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Array<Record<string, unknown>> } & Record<string, unknown>;

export type ApiCall =
  | { kind: "api"; seq: number; method: string; args: Record<string, unknown>; result: Record<string, unknown> }
  | { kind: "response_url"; seq: number; path: string; userId: string | null; body: Record<string, unknown> };

export class SlackStandIn {
  readonly calls: ApiCall[] = [];
  readonly messages = new Map<string, SlackMessage>();
  /** Ephemeral messages by channel/ts: not in any history, only their one reader can click them. */
  readonly ephemerals = new Map<string, EphemeralMessage>();
  private server: RunningServer | null = null;
  private seq = 0;
  private tsCounter = 0;
  private viewCounter = 0;
  private listeners: Array<(call: ApiCall) => void> = [];
  /** response_url path → the user whose action it answers (only they see what is posted there). */
  private readonly responseOwners = new Map<string, string>();

  constructor(
    private readonly botToken: string,
    readonly users: Record<string, SlackUser>,
    readonly channels: Record<string, string>,
    private readonly limits: SlackLimits = {},
  ) {}

  /** When each channel last took a message (for the per-channel limit). */
  private readonly lastPost = new Map<string, number>();

  async start(): Promise<void> {
    this.server = await listen((request) => this.handle(request));
  }

  /** SLACK_API_URL for the app. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  get origin(): string {
    if (!this.server) throw new Error("Slack stand-in not started");
    return this.server.origin;
  }

  /** A response_url for one interaction; what the app posts there is recorded. */
  responseUrl(kind: "actions" | "commands", userId: string): string {
    const path = `/response/${kind}/${TEAM.id}/${Date.now()}${++this.seq}`;
    this.responseOwners.set(path, userId);
    return `${this.origin}${path}`;
  }

  /** A person posts in a channel (in a thread when threadTs is given), as Slack stores it before it sends the event. */
  postAs(user: SlackUser, channel: string, text: string, threadTs?: string): SlackMessage {
    if (!this.channels[channel]) throw new Error(`no channel ${channel}`);
    const message: SlackMessage = { channel, ts: this.nextTs(), text, blocks: richText(text), user: user.id, ...(threadTs ? { threadTs } : {}) };
    this.messages.set(`${channel}/${message.ts}`, message);
    return message;
  }

  onCall(listener: (call: ApiCall) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  /** The DM channel Slack opens when a bot posts to a user id. */
  dmChannelOf(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  apiCalls(method: string): Array<Extract<ApiCall, { kind: "api" }>> {
    return this.calls.filter((call): call is Extract<ApiCall, { kind: "api" }> => call.kind === "api" && call.method === method);
  }

  /** What the app posts at a response_url it was handed: the first post there, waited for up to `timeoutMs`. */
  responseAt(url: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const path = new URL(url).pathname;
    const posted = () => this.responses().find((call) => call.path === path)?.body;
    return new Promise((resolve, reject) => {
      const already = posted();
      if (already) return resolve(already);
      const timer = setTimeout(() => reject(new Error(`nothing was posted at ${path} within ${timeoutMs} ms`)), timeoutMs);
      this.onCall((call) => {
        if (call.kind !== "response_url" || call.path !== path) return;
        clearTimeout(timer);
        resolve(call.body);
      });
    });
  }

  responses(): Array<Extract<ApiCall, { kind: "response_url" }>> {
    return this.calls.filter((call): call is Extract<ApiCall, { kind: "response_url" }> => call.kind === "response_url");
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    for (const listener of this.listeners) listener(call);
  }

  private handle(request: StandInRequest): StandInReply {
    const path = request.url.pathname;
    if (request.method === "POST" && path.startsWith("/response/")) {
      this.record({ kind: "response_url", seq: ++this.seq, path, userId: this.responseOwners.get(path) ?? null, body: parseBody(request) });
      return { json: { ok: true } };
    }
    const method = /^\/api\/([\w.]+)$/.exec(path)?.[1];
    if (request.method !== "POST" || !method) return { status: 404, json: { ok: false, error: "unknown_method" } };
    const args = parseBody(request);
    const token = (request.headers.authorization ?? "").replace(/^Bearer /, "") || String(args.token ?? "");
    if (method === "chat.postMessage" && this.overLimit(String(args.channel ?? ""))) {
      const result = { ok: false, error: "ratelimited" };
      this.record({ kind: "api", seq: ++this.seq, method, args, result });
      return { status: 429, headers: { "Retry-After": "1" }, json: result };
    }
    const result = token === this.botToken ? this.apiMethod(method, args) : { ok: false, error: "invalid_auth" };
    this.record({ kind: "api", seq: ++this.seq, method, args, result });
    return { json: result };
  }

  private overLimit(channel: string): boolean {
    const perSecond = this.limits.postsPerChannelPerSecond;
    if (!perSecond) return false;
    const now = Date.now();
    const last = this.lastPost.get(channel);
    if (last !== undefined && now - last < 1000 / perSecond) return true;
    this.lastPost.set(channel, now);
    return false;
  }

  private apiMethod(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "chat.postMessage": {
        const requested = String(args.channel ?? "");
        const channel = requested.startsWith("U") ? this.dmChannelOf(requested) : requested;
        if (!this.users[requested] && !this.channels[channel]) return { ok: false, error: "channel_not_found" };
        const ts = this.nextTs();
        const message: SlackMessage = {
          channel,
          ts,
          text: String(args.text ?? ""),
          blocks: asBlocks(args.blocks),
          ...(args.thread_ts ? { threadTs: String(args.thread_ts) } : {}),
          ...(typeof args.metadata === "object" && args.metadata ? { metadata: args.metadata as Record<string, unknown> } : {}),
        };
        this.messages.set(`${channel}/${ts}`, message);
        return { ok: true, channel, ts, message: messageJson(message) };
      }
      case "chat.postEphemeral": {
        // Slack answers with only the ephemeral message's ts; it is shown to `user` alone, in the thread if thread_ts is given.
        const channel = String(args.channel ?? "");
        const user = String(args.user ?? "");
        if (!this.channels[channel]) return { ok: false, error: "channel_not_found" };
        if (!this.users[user]) return { ok: false, error: "user_not_in_channel" };
        const ts = this.nextTs();
        this.ephemerals.set(`${channel}/${ts}`, {
          channel,
          ts,
          text: String(args.text ?? ""),
          blocks: asBlocks(args.blocks),
          visibleTo: user,
          ...(args.thread_ts ? { threadTs: String(args.thread_ts) } : {}),
        });
        return { ok: true, message_ts: ts };
      }
      case "chat.update": {
        const key = `${String(args.channel)}/${String(args.ts)}`;
        const message = this.messages.get(key);
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = String(args.text ?? message.text);
        if (args.blocks !== undefined) message.blocks = asBlocks(args.blocks);
        return { ok: true, channel: message.channel, ts: message.ts, text: message.text, message: messageJson(message) };
      }
      case "views.open": {
        if (!args.trigger_id) return { ok: false, error: "invalid_trigger_id" };
        return { ok: true, view: this.viewJson(args.view, "modal") };
      }
      case "views.publish": {
        if (!this.users[String(args.user_id)]) return { ok: false, error: "user_not_found" };
        return { ok: true, view: this.viewJson(args.view, "home") };
      }
      case "conversations.replies": {
        const messages = [...this.messages.values()]
          .filter((message) => message.channel === String(args.channel) && (message.ts === String(args.ts) || message.threadTs === String(args.ts)))
          .map((message) => ({ ...messageJson(message), ...(message.metadata ? { metadata: message.metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case "conversations.history": {
        const oldest = Number(args.oldest ?? 0);
        const messages = [...this.messages.values()]
          .filter((message) => message.channel === String(args.channel) && !message.threadTs && Number(message.ts) >= oldest)
          .reverse()
          .map((message) => ({ ...messageJson(message), ...(message.metadata ? { metadata: message.metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case "users.info": {
        const user = this.users[String(args.user)];
        return user ? { ok: true, user: userJson(user) } : { ok: false, error: "user_not_found" };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  private nextTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(++this.tsCounter).padStart(6, "0")}`;
  }

  private viewJson(view: unknown, type: "modal" | "home"): Record<string, unknown> {
    const input = (typeof view === "object" && view !== null ? view : {}) as Record<string, unknown>;
    const id = `V07DEMO${String(++this.viewCounter).padStart(4, "0")}`;
    return {
      id,
      team_id: TEAM.id,
      type,
      blocks: input.blocks ?? [],
      private_metadata: input.private_metadata ?? "",
      callback_id: input.callback_id ?? "",
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.Dm${this.viewCounter}`,
      title: input.title ?? { type: "plain_text", text: "View Title", emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: input.close ?? null,
      submit: input.submit ?? null,
      previous_view_id: null,
      root_view_id: id,
      app_id: APP.appId,
      external_id: "",
      app_installed_team_id: TEAM.id,
      bot_id: APP.botId,
    };
  }
}

/** Form fields (objects arrive JSON-encoded) or a JSON body, as one object. */
function parseBody(request: StandInRequest): Record<string, unknown> {
  const type = String(request.headers["content-type"] ?? "");
  if (type.includes("application/json")) {
    try {
      return JSON.parse(request.body || "{}") as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(request.body)) {
    fields[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return fields;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function asBlocks(value: unknown): Block[] {
  const parsed = typeof value === "string" ? tryJson(value) : value;
  return Array.isArray(parsed) ? (parsed as Block[]) : [];
}

/** What Slack's composer makes of what a person types: one rich_text block (block_id is Slack's own random id). */
function richText(text: string): Block[] {
  return [
    {
      type: "rich_text",
      block_id: randomBytes(3).toString("base64url").slice(0, 5),
      elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }],
    },
  ];
}

function userJson(user: SlackUser): Record<string, unknown> {
  const [first = "", ...rest] = user.realName.split(" ");
  return {
    id: user.id,
    team_id: TEAM.id,
    name: user.name,
    deleted: false,
    real_name: user.realName,
    tz: user.tz,
    profile: {
      real_name: user.realName,
      real_name_normalized: user.realName,
      display_name: user.displayName,
      display_name_normalized: user.displayName,
      first_name: first,
      last_name: rest.join(" "),
      team: TEAM.id,
      // Present only because the app has users:read.email.
      email: user.email,
    },
    is_admin: false,
    is_owner: false,
    is_bot: false,
    is_app_user: false,
    updated: Math.floor(Date.now() / 1000),
    is_email_confirmed: true,
    locale: user.locale,
  };
}

/** A message as Slack shows it back (in API replies and in interaction payloads). */
export function messageJson(message: SlackMessage): Record<string, unknown> {
  const author = message.user ? { user: message.user } : { user: APP.botUserId, bot_id: APP.botId, app_id: APP.appId };
  return {
    ...author,
    type: "message",
    ts: message.ts,
    text: message.text,
    team: TEAM.id,
    blocks: message.blocks,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
  };
}
