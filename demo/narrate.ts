// Turns what the stand-ins see (Advocate's calls to Slack, Teams and Discourse, Discourse's webhooks) into transcript lines.
import type { ApiCall, SlackStandIn, SlackMessage } from "./standIns/slackApi";
import type { DiscourseActivity, DiscourseStandIn } from "./standIns/discourse";
import type { BotFrameworkCall, BotFrameworkStandIn, Login, TeamsPost } from "./standIns/botFramework";
import { adaptiveCardTopic, cardTopic, type Transcript } from "./transcript";

export function narrateSlack(slack: SlackStandIn, transcript: Transcript): void {
  slack.onCall((call) => describeSlackCall(slack, transcript, call));
}

export function narrateDiscourse(discourse: DiscourseStandIn, transcript: Transcript): void {
  const seen: DiscourseSeen = { publishedIds: new Set(), lastTopicEvent: new Map() };
  discourse.onActivity((activity) => describeDiscourse(transcript, activity, seen));
}

export function narrateTeams(teams: BotFrameworkStandIn, transcript: Transcript): void {
  teams.onCall((call) => describeTeamsCall(teams, transcript, call));
}

function describeSlackCall(slack: SlackStandIn, t: Transcript, call: ApiCall): void {
  if (call.kind === "response_url") {
    const who = call.userId ? t.user(call.userId) : "the clicker";
    const how = call.body.replace_original === true ? "replaces the message" : `ephemeral, only ${who} sees it`;
    t.line("Advocate", `Slack (response_url → ${who}; ${how})`, "", t.plain(String(call.body.text ?? "")).split("\n"));
    return;
  }
  const { method, args, result } = call;
  if (result.ok !== true) {
    t.line("Advocate", "Slack", `${method} → error ${String(result.error)}`);
    return;
  }
  switch (method) {
    case "chat.postMessage": {
      const message = slack.messages.get(`${String(result.channel)}/${String(result.ts)}`);
      if (!message) return;
      if (message.threadTs) {
        const card = slack.messages.get(`${message.channel}/${message.threadTs}`);
        t.line(
          "Advocate",
          `Slack ${t.channel(message.channel)}`,
          `thread reply under card ${card ? cardTopic(card) : message.threadTs}`,
          // The blocks are what people read (and where a mention pings); text is only the notification's fallback.
          indent(message.blocks.length ? t.blocks(message.blocks) : t.plain(message.text).split("\n")),
        );
      } else if (message.channel.startsWith("D")) {
        t.line("Advocate", `Slack, DM to ${t.user(`U${message.channel.slice(1)}`)}`, "", t.blocks(message.blocks));
      } else {
        t.line("Advocate", `Slack ${t.channel(message.channel)}`, `card ${cardTopic(message)} (ts ${message.ts})`, t.blocks(message.blocks));
      }
      return;
    }
    case "chat.postEphemeral": {
      const message = slack.ephemerals.get(`${String(args.channel)}/${String(result.message_ts)}`);
      if (!message) return;
      const card = message.threadTs ? slack.messages.get(`${message.channel}/${message.threadTs}`) : undefined;
      const where = message.threadTs ? ` in the thread of card ${card ? cardTopic(card) : message.threadTs}` : "";
      t.line(
        "Advocate",
        `Slack ${t.channel(message.channel)}`,
        `chat.postEphemeral${where}: only ${t.user(message.visibleTo)} sees it, nobody else in the channel`,
        indent(message.blocks.length ? t.blocks(message.blocks) : t.plain(message.text).split("\n")),
      );
      return;
    }
    case "chat.update": {
      const message: SlackMessage | undefined = slack.messages.get(`${String(result.channel)}/${String(result.ts)}`);
      if (!message) return;
      if (message.threadTs) {
        const card = slack.messages.get(`${message.channel}/${message.threadTs}`);
        t.line(
          "Advocate",
          `Slack ${t.channel(message.channel)}`,
          `edits its reply in the thread of card ${card ? cardTopic(card) : message.threadTs}, in place`,
          indent(t.plain(message.text).split("\n")),
        );
      } else t.line("Advocate", `Slack ${t.channel(message.channel)}`, `updates card ${cardTopic(message)}`, t.cardState(message));
      return;
    }
    case "views.open": {
      const view = result.view as { title?: { text?: string }; blocks?: never[]; id?: string };
      t.line(
        "Advocate",
        "Slack",
        `views.open: modal “${view.title?.text ?? ""}” (${view.id ?? ""})`,
        t.blocks(view.blocks ?? []).map((line) => line.slice(0, 110)),
      );
      return;
    }
    case "conversations.replies": {
      const card = slack.messages.get(`${String(args.channel)}/${String(args.ts)}`);
      const replies = Array.isArray(result.messages) ? result.messages.length - 1 : 0;
      t.line(
        "Advocate",
        "Slack",
        `conversations.replies: the thread of card ${card ? cardTopic(card) : String(args.ts)} (${replies} ${replies === 1 ? "reply" : "replies"}), to find its echo of the answer`,
      );
      return;
    }
    case "views.publish":
      t.line("Advocate", "Slack", `views.publish: App Home of ${t.user(String(args.user_id))}`);
      return;
    case "users.info": {
      const user = result.user as { real_name?: string; locale?: string; profile?: { email?: string } };
      t.line(
        "Advocate",
        "Slack",
        `users.info ${String(args.user)} → ${user.real_name ?? "?"} <${user.profile?.email ?? "no email"}>, locale ${user.locale ?? "?"}`,
      );
      return;
    }
    default:
      t.line("Advocate", "Slack", method);
  }
}

const LOGIN_PURPOSE: Record<Login, string> = {
  "openid metadata": "OpenID metadata: where the keys that sign Teams' activities are",
  "signing keys": "the keys, to check the JWT on every activity from Teams",
  token: "client credentials: a token for Advocate's own calls to the Bot Connector",
};

function describeTeamsCall(teams: BotFrameworkStandIn, t: Transcript, call: BotFrameworkCall): void {
  if (call.kind === "login") {
    t.line("Advocate", "Bot Framework", `${call.method} ${call.path} → ${call.status}  (${LOGIN_PURPOSE[call.what]})`);
    return;
  }
  const { method, path, status, post } = call;
  if (status >= 400) {
    t.line("Advocate", "Teams", `${method} ${path} → ${status} ${JSON.stringify(call.reply)}`);
    return;
  }
  if (post) {
    describeTeamsPost(teams, t, post, method === "PUT");
    return;
  }
  if (method === "GET" && /\/members\//.test(path)) {
    const member = call.reply as { name?: string; email?: string };
    t.line("Advocate", "Teams", `GET ${path} → ${member.name ?? "?"} <${member.email ?? "no email"}>`);
    return;
  }
  if (method === "GET" && /^\/v3\/teams\//.test(path)) {
    const { conversations = [] } = call.reply as { conversations?: Array<{ id: string; name: string | null }> };
    t.line("Advocate", "Teams", `GET ${path} → channels ${conversations.map((channel) => channel.name ?? "General").join(", ")}`);
    return;
  }
  t.line("Advocate", "Teams", `${method} ${path} → ${status}`);
}

function describeTeamsPost(teams: BotFrameworkStandIn, t: Transcript, post: TeamsPost, updated: boolean): void {
  const content = post.card ? t.adaptive(post.card) : t.markdown(post.text).split("\n");
  if (!post.channelId) {
    t.line("Advocate", `Teams, personal chat with ${t.user(teams.ownerOfChat(post.conversationId)?.id ?? "?")}`, "", content);
    return;
  }
  const where = `Teams ${t.channel(post.channelId)}`;
  if (updated) {
    t.line("Advocate", where, `updates card ${adaptiveCardTopic(post.card)}`, post.card ? t.adaptiveState(post.card) : content);
  } else if (post.threadOf) {
    const first = teams.posts.get(post.threadOf);
    t.line("Advocate", where, first?.card ? `reply in the thread of card ${adaptiveCardTopic(first.card)}` : "reply in the thread", indent(content));
  } else {
    t.line("Advocate", where, `card ${adaptiveCardTopic(post.card)} (message ${post.id})`, content);
  }
}

/** What the narration remembers: the posts Advocate published, and the last webhook about each topic. */
interface DiscourseSeen {
  publishedIds: Set<number>;
  lastTopicEvent: Map<number, string>;
}

function describeDiscourse(t: Transcript, activity: DiscourseActivity, seen: DiscourseSeen): void {
  const { publishedIds } = seen;
  if (activity.kind === "webhook") {
    const body = activity.body as { topic?: { id: number; title: string }; post?: { id: number; topic_id: number; post_number: number; username: string } };
    const subject = body.topic
      ? `#${body.topic.id} “${body.topic.title}”`
      : body.post
        ? `#${body.post.topic_id} post ${body.post.post_number} by @${body.post.username}`
        : "";
    const topicId = body.topic?.id ?? body.post?.topic_id;
    if (topicId) seen.lastTopicEvent.set(topicId, activity.event);
    const reply = activity.reply as { status?: string; reason?: string } | null;
    t.line(
      "Discourse",
      "Advocate",
      `webhook ${activity.event} ${subject} (X-Discourse-Event-Id ${activity.eventId}, signed) → ${activity.status} ${reply?.status ?? ""}${reply?.reason ? `: ${reply.reason}` : ""}`,
    );
    if (body.post && publishedIds.has(body.post.id))
      t.note(
        activity.event === "post_edited"
          ? "Discourse announces the edit Advocate just made; the webhook is only a hint, so Advocate reads the post back from the API"
          : "Discourse announces the answer Advocate just published; Advocate recognises its own post and leaves the card alone",
      );
    return;
  }
  const as = activity.apiUsername ? ` as @${activity.apiUsername}` : "";
  if (activity.method === "POST" && activity.path === "/posts.json") {
    const body = activity.body as { topic_id?: number; raw?: string };
    const response = activity.response as { post_number?: number; id?: number; errors?: string[] };
    const outcome =
      activity.status === 200
        ? `${activity.status}, post ${response.post_number} (id ${response.id})`
        : `${activity.status} ${response.errors?.join(" ") ?? ""}`;
    if (activity.status === 200 && typeof response.id === "number") publishedIds.add(response.id);
    const lines = (body.raw ?? "")
      .split("\n")
      .filter(Boolean)
      .map((line) => (/^<!-- advocate:/.test(line) ? `${line}   ← hidden marker: a retry after a crash finds this post instead of posting twice` : line));
    t.line("Advocate", "Discourse", `POST /posts.json${as} (topic ${body.topic_id}) → ${outcome}`, indent(lines));
    return;
  }
  if (activity.method === "PUT" && /^\/posts\/\d+\.json$/.test(activity.path)) {
    const { post } = (activity.body ?? {}) as { post?: { raw?: string; edit_reason?: string } };
    const response = activity.response as { post?: { version?: number }; errors?: string[] };
    const outcome =
      activity.status === 200 ? `${activity.status}, version ${response.post?.version ?? "?"}` : `${activity.status} ${response.errors?.join(" ") ?? ""}`;
    const lines = (post?.raw ?? "")
      .split("\n")
      .filter(Boolean)
      .map((line) => (/^<!-- advocate:/.test(line) ? `${line}   ← the same hidden marker` : line));
    t.line("Advocate", "Discourse", `PUT ${activity.path}${as} → ${outcome}`, [
      ...indent(lines),
      ...(post?.edit_reason ? [`edit reason: “${post.edit_reason}”`] : []),
    ]);
    return;
  }
  if (activity.path === "/site.json") {
    const { categories = [] } = (activity.response ?? {}) as { categories?: Array<{ id: number; slug: string }> };
    t.line(
      "Advocate",
      "Discourse",
      `GET /site.json → ${activity.status}, categories ${categories.map((category) => `${category.id} ${category.slug}`).join(", ")}  (to name the topic's category)`,
    );
    return;
  }
  if (activity.path.startsWith("/admin/users/list/active.json")) {
    const users = Array.isArray(activity.response) ? (activity.response as Array<{ username: string }>) : [];
    t.line(
      "Advocate",
      "Discourse",
      `GET ${decodeURIComponent(activity.path)} → ${users.length ? users.map((user) => `@${user.username}`).join(", ") : "no user"}`,
    );
    return;
  }
  const topicId = /^\/t\/(\d+)\.json$/.exec(activity.path)?.[1];
  const why = topicId ? `  (${topicRead(activity.response, seen.lastTopicEvent.get(Number(topicId)))})` : "";
  t.line("Advocate", "Discourse", `${activity.method} ${activity.path}${as} → ${activity.status}${why}`);
}

/** Why Advocate read a topic: a topic_edited webhook is only a hint; otherwise routing wanted the rest of a new topic. */
function topicRead(response: unknown, lastEvent: string | undefined): string {
  if (lastEvent !== "topic_edited") return "routing ran before both webhooks were processed: Advocate reads the rest from the API";
  const topic = (response ?? {}) as { category_id?: number; tags?: Array<{ name: string }> };
  const tags = (topic.tags ?? []).map((tag) => tag.name).join(", ") || "none";
  return `the webhook is only a hint: the topic as the community has it now is in category ${topic.category_id ?? "?"}, tags ${tags}`;
}

function indent(lines: string[]): string[] {
  return lines.map((line) => `│ ${line}`);
}
