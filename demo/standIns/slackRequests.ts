// What Slack sends to the app's Request URL (/slack/events), shaped and signed like the real thing:
// slash commands (form fields), block_actions and view_submission (form field `payload` = JSON), and Events API
// event_callbacks (a JSON body) such as a person's message in a thread.
// X-Slack-Signature = "v0=" + HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + the exact body bytes sent).
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { APP, TEAM, messageJson, type Block, type EphemeralMessage, type SlackMessage, type SlackStandIn, type SlackUser } from "./slackApi";
import { replyOf, type AppReply } from "./http";

export class SlackSender {
  constructor(
    private readonly appUrl: string,
    private readonly signingSecret: string,
    private readonly slack: SlackStandIn,
  ) {}

  /** `/advocate <text>` and its reply: the ack's status, and what the app then posted at the command's response_url. */
  async command(user: SlackUser, channelId: string, text: string): Promise<AppReply> {
    const responseUrl = this.slack.responseUrl("commands", user.id);
    const ack = await this.slashCommand(user, channelId, text, responseUrl);
    if (ack.status !== 200) return ack;
    return { status: ack.status, json: await this.slack.responseAt(responseUrl) };
  }

  /** `/advocate <text>` typed in a channel; with should_escape, Slack has already turned #channel into <#C…|name>. */
  slashCommand(user: SlackUser, channelId: string, text: string, responseUrl = this.slack.responseUrl("commands", user.id)): Promise<AppReply> {
    const fields = {
      token: APP.verificationToken,
      team_id: TEAM.id,
      team_domain: TEAM.domain,
      channel_id: channelId,
      channel_name: this.slack.channels[channelId] ?? "directmessage",
      user_id: user.id,
      user_name: user.name,
      command: "/advocate",
      text,
      api_app_id: APP.appId,
      is_enterprise_install: "false",
      response_url: responseUrl,
      trigger_id: triggerId(),
    };
    return this.post(new URLSearchParams(fields).toString());
  }

  /** A click on a button of a message the app posted (a card in a channel, a DM, or an ephemeral message). */
  clickButton(user: SlackUser, message: SlackMessage | EphemeralMessage, actionId: string): Promise<AppReply> {
    const found = findButton(message.blocks, actionId);
    if (!found) throw new Error(`the message ${message.ts} in ${message.channel} has no ${actionId} button`);
    const ephemeral = "visibleTo" in message;
    if (ephemeral && message.visibleTo !== user.id) throw new Error(`${user.name} cannot see the ephemeral message ${message.ts}, let alone click it`);
    const payload = {
      type: "block_actions",
      user: { id: user.id, username: user.name, name: user.name, team_id: TEAM.id },
      api_app_id: APP.appId,
      token: APP.verificationToken,
      container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: ephemeral },
      trigger_id: triggerId(),
      team: TEAM,
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: message.channel, name: this.slack.channels[message.channel] ?? "directmessage" },
      // Slack keeps no copy of an ephemeral message, so a click on one carries no `message`.
      ...(ephemeral ? {} : { message: messageJson(message) }),
      state: { values: {} },
      response_url: this.slack.responseUrl("actions", user.id),
      actions: [
        {
          action_id: actionId,
          block_id: found.blockId,
          text: found.button.text,
          value: found.button.value,
          ...(found.button.style ? { style: found.button.style } : {}),
          type: "button",
          action_ts: `${(Date.now() / 1000).toFixed(6)}`,
        },
      ],
    };
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }

  /** Submits a modal the app opened (the view as views.open returned it), with the user's input. */
  submitView(user: SlackUser, view: Record<string, unknown>, values: Record<string, Record<string, unknown>>): Promise<AppReply> {
    const payload = {
      type: "view_submission",
      team: TEAM,
      user: { id: user.id, username: user.name, name: user.name, team_id: TEAM.id },
      api_app_id: APP.appId,
      token: APP.verificationToken,
      trigger_id: triggerId(),
      view: { ...view, state: { values } },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  }

  /**
   * The `message` event (message.channels) for a person's message that `postAs` stored: an Events API event_callback,
   * with its own event_id and event_time; a reply in a thread carries thread_ts and parent_user_id.
   */
  messageEvent(message: SlackMessage): Promise<AppReply> {
    if (!message.user) throw new Error(`the message ${message.ts} was not written by a person`);
    const parent = message.threadTs ? this.slack.messages.get(`${message.channel}/${message.threadTs}`) : undefined;
    const body = {
      token: APP.verificationToken,
      team_id: TEAM.id,
      context_team_id: TEAM.id,
      context_enterprise_id: null,
      api_app_id: APP.appId,
      event: {
        user: message.user,
        type: "message",
        ts: message.ts,
        client_msg_id: randomUUID(),
        text: message.text,
        team: TEAM.id,
        ...(message.threadTs ? { thread_ts: message.threadTs, parent_user_id: parent?.user ?? APP.botUserId } : {}),
        blocks: message.blocks,
        channel: message.channel,
        event_ts: message.ts,
        channel_type: "channel",
      },
      type: "event_callback",
      event_id: `Ev${randomBytes(5).toString("hex").toUpperCase()}`,
      event_time: Math.floor(Number(message.ts)),
      authorizations: [{ enterprise_id: null, team_id: TEAM.id, user_id: APP.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: `4-${Buffer.from(JSON.stringify({ et: "message", tid: TEAM.id, aid: APP.appId, cid: message.channel })).toString("base64url")}`,
    };
    return this.post(JSON.stringify(body), "application/json");
  }

  private async post(body: string, contentType = "application/x-www-form-urlencoded"): Promise<AppReply> {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", this.signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    const response = await fetch(`${this.appUrl}/slack/events`, {
      method: "POST",
      body,
      headers: {
        "content-type": contentType,
        "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": signature,
      },
    });
    // The ack body: a slash command's ephemeral reply, a view_submission's errors (an event's ack is empty).
    return replyOf(response);
  }
}

interface Button {
  text: unknown;
  value?: string;
  style?: string;
}

function findButton(blocks: Block[], actionId: string): { blockId: string; button: Button } | null {
  for (const block of blocks) {
    if (block.type !== "actions") continue;
    const button = (block.elements ?? []).find((element) => element.action_id === actionId);
    // Slack assigns a block_id when the app gave none.
    if (button) return { blockId: block.block_id ?? "actions", button: button as unknown as Button };
  }
  return null;
}

function triggerId(): string {
  return `${Date.now()}.4733801234567.${randomBytes(16).toString("hex")}`;
}
