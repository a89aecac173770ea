// `@Advocate points` in a channel, or `points` in the personal chat: the shared command runner answers. A channel
// message without the @mention is no command (see replyDrafts).
import { runCommand } from "../../../core/commands/runCommand";
import { localeOf } from "../../../core/accounts";
import { translator } from "../../../i18n";
import { actorOf, channelOf, groupChatOf } from "../activity";
import { commandReplyCard } from "../presenters/commandReply";
import { attachment } from "../presenters/adaptiveCard";
import { teamsMarkup, teamsMarkupNaming } from "../presenters/teamsMarkup";
import { channelsNamedIn } from "../../shared/commandReplyText";
import { channelNames } from "../addresses";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";
import { mentionsBot, onChannelReply } from "./replyDrafts";
import { teamsCommandText } from "../commandText";

/** Commands that decide about the channel they are typed in. */
const CHANNEL_COMMANDS = new Set(["route", "language"]);
/** Commands that post into the conversation they are typed in: a channel, a group chat or a meeting's chat. */
const CONVERSATION_COMMANDS = new Set(["story"]);

export async function onMessage(ctx: TeamsRouteContext, turn: Turn): Promise<void> {
  const { context, activity, remember } = turn;
  // Teams sends every channel message (resource-specific consent): only @Advocate is a command; the rest is chat,
  // of which only a reply in a card's thread concerns Advocate (a draft for its author).
  if (activity.conversation.conversationType === "channel" && !mentionsBot(activity)) return onChannelReply(ctx, turn);
  await remember();
  const employee = await teamsEmployee(ctx.deps, activity);
  const locale = localeOf(ctx.deps, employee);
  const text = await teamsCommandText(ctx.deps.store.addresses, activity);
  const channelId = channelOf(activity) ?? groupChatOf(activity);
  const verb = text.split(/\s+/)[0]?.toLowerCase() ?? "";
  const refusal =
    CHANNEL_COMMANDS.has(verb) && !channelOf(activity) ? "teams.channelOnly" : CONVERSATION_COMMANDS.has(verb) && !channelId ? "teams.conversationOnly" : null;
  if (refusal) {
    await context.sendActivity({ type: "message", text: translator(locale, teamsMarkup.cmd)(refusal) });
    return;
  }
  const reply = await runCommand(
    ctx.deps,
    {
      ...actorOf(activity),
      ...(activity.from.aadObjectId ? { alsoKnownAs: [activity.from.aadObjectId] } : {}),
      channelId: channelId ?? activity.conversation.id,
    },
    text,
  );
  // In the personal chat the home card itself is the answer, on its way through the outbox.
  if (reply.type === "home" && activity.conversation.conversationType === "personal") return;
  const named = channelsNamedIn(reply).filter((target) => target.surface === "teams");
  const markup = teamsMarkupNaming(
    await channelNames(
      ctx.deps.store.addresses,
      named.map((target) => target.channelId),
    ),
  );
  await context.sendActivity({ type: "message", attachments: [attachment(commandReplyCard(reply, locale, markup))] });
}
