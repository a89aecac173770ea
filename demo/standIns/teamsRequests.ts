// What the Bot Framework channel sends to the app's messaging endpoint (POST /api/messages) when people use
// Teams: activities shaped like the real ones, each with `Authorization: Bearer <JWT>` signed by the Bot
// Framework stand-in, whose serviceurl claim is exactly the activity's serviceUrl (botbuilder checks both).
import { randomUUID } from "node:crypto";
import { replyOf, type AppReply } from "./http";
import { TENANT, type BotFrameworkStandIn, type TeamsPost, type TeamsUser } from "./botFramework";

type Activity = Record<string, unknown>;

export class TeamsSender {
  /** Ids of what people send; Teams uses millisecond timestamps. */
  private nextId = Date.now() - 60_000;

  constructor(
    private readonly appUrl: string,
    private readonly teams: BotFrameworkStandIn,
  ) {}

  /** `by` adds Advocate to the team, from one of its channels: a conversationUpdate whose membersAdded is the bot. */
  botAdded(by: TeamsUser, channelId: string): Promise<AppReply> {
    const { team } = this.teams;
    return this.post({
      ...this.envelope("conversationUpdate", by),
      membersAdded: [{ id: this.teams.bot.id }],
      conversation: { isGroup: true, conversationType: "channel", tenantId: TENANT, id: channelId, name: this.teams.channelName(channelId) },
      channelData: {
        settings: { selectedChannel: { id: channelId } },
        team: { aadGroupId: team.aadGroupId, name: team.name, id: team.id },
        eventType: "teamMemberAdded",
        tenant: { id: TENANT },
      },
    });
  }

  /** `@Advocate <text>` posted in a channel: a new thread, with the mention as Teams writes it. */
  channelMessage(user: TeamsUser, channelId: string, text: string): Promise<AppReply> {
    const id = String(this.nextId++);
    const mention = `<at>${this.teams.bot.name}</at>`;
    return this.post({
      ...this.envelope("message", user, id),
      ...this.inChannel(channelId, id),
      textFormat: "plain",
      text: `${mention} ${text}`,
      attachments: [{ contentType: "text/html", content: `<div><div><at id="0">${this.teams.bot.name}</at>&nbsp;${text}</div></div>` }],
      entities: [{ type: "mention", mentioned: this.teams.bot, text: mention }, clientInfo(user)],
    });
  }

  /** A message in the person's one-to-one chat with Advocate: no mention needed. */
  personalMessage(user: TeamsUser, text: string): Promise<AppReply> {
    return this.post({
      ...this.envelope("message", user, String(this.nextId++)),
      conversation: { conversationType: "personal", tenantId: TENANT, id: this.teams.personalChatOf(user) },
      channelData: { tenant: { id: TENANT } },
      textFormat: "plain",
      text,
    });
  }

  /** A press on an Action.Execute button of a card the bot posted (Universal Actions). */
  cardAction(user: TeamsUser, on: TeamsPost, verb: string, data: unknown): Promise<AppReply> {
    const action = { type: "Action.Execute", id: `${verb}-${on.id}`, verb, data };
    return this.invoke(user, on, "adaptiveCard/action", { action, trigger: "manual" });
  }

  /** A press on an Action.Submit whose data says msteams.type task/fetch: Teams asks the bot what dialog to open. */
  taskFetch(user: TeamsUser, on: TeamsPost, data: Record<string, unknown>): Promise<AppReply> {
    return this.invoke(user, on, "task/fetch", { data: { msteams: { type: "task/fetch" }, ...data }, context: { theme: "default" } });
  }

  /** The dialog's own Action.Submit: its data merged with the inputs' values. */
  taskSubmit(user: TeamsUser, on: TeamsPost, data: Record<string, unknown>): Promise<AppReply> {
    return this.invoke(user, on, "task/submit", { data, context: { theme: "default" } });
  }

  private invoke(user: TeamsUser, on: TeamsPost, name: string, value: unknown): Promise<AppReply> {
    const where = on.channelId
      ? this.inChannel(on.channelId, on.threadOf ?? on.id)
      : { conversation: { conversationType: "personal", tenantId: TENANT, id: on.conversationId }, channelData: { tenant: { id: TENANT } } };
    return this.post({ ...this.envelope("invoke", user), ...where, name, replyToId: on.id, value, entities: [clientInfo(user)] });
  }

  private envelope(type: string, from: TeamsUser, id = `f:${randomUUID()}`): Activity {
    const now = new Date();
    return {
      type,
      id,
      timestamp: now.toISOString(),
      serviceUrl: this.teams.serviceUrl,
      channelId: "msteams",
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      recipient: this.teams.bot,
      locale: from.locale,
      localTimezone: "Europe/Amsterdam",
    };
  }

  /** A channel thread (`<channel>;messageid=<first message>`) of the team. */
  private inChannel(channelId: string, threadId: string): Activity {
    const teamId = this.teams.team.id;
    return {
      conversation: { isGroup: true, conversationType: "channel", tenantId: TENANT, id: `${channelId};messageid=${threadId}` },
      channelData: { teamsChannelId: channelId, teamsTeamId: teamId, channel: { id: channelId }, team: { id: teamId }, tenant: { id: TENANT } },
    };
  }

  private async post(activity: Activity): Promise<AppReply> {
    const response = await fetch(`${this.appUrl}/api/messages`, {
      method: "POST",
      body: JSON.stringify(activity),
      headers: {
        authorization: `Bearer ${this.teams.channelToken(String(activity.serviceUrl))}`,
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Microsoft-SkypeBotApi (Microsoft-BotFramework/3.0)",
      },
    });
    // Invokes are answered in the response body; other activities get an empty 200 once the turn is done.
    return replyOf(response);
  }
}

function clientInfo(user: TeamsUser): Activity {
  const [, country = "NL"] = user.locale.split("-");
  return { locale: user.locale, country, platform: "Web", timezone: "Europe/Amsterdam", type: "clientInfo" };
}
