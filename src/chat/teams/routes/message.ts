// `@Advocate points` in a channel, or `points` in the personal chat: the shared command runner answers. A channel
// message without the @mention is no command (see replyDrafts).
import { runCommand, type CommandReply } from "../../../core/commands/runCommand";
import { localeOf } from "../../../core/accounts";
import type { CommandContext } from "../../../core/kernel/commandContext";
import { translator } from "../../../i18n";
import { actorOf, channelOf, groupChatOf, type TeamsActivity } from "../activity";
import { commandReplyCard } from "../presenters/commandReply";
import { adaptiveCard, attachment, textBlocks, type AdaptiveCard } from "../presenters/adaptiveCard";
import { teamsMarkup, teamsMarkupNaming } from "../presenters/teamsMarkup";
import { channelPickerCard } from "../presenters/channelPicker";
import { channelsNamedIn, commandReplyText } from "../../shared/commandReplyText";
import { channelNames } from "../../shared/channelNames";
import { ruleChannels, type TeamChannel } from "../teamChannels";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";
import { mentionsBot, onChannelReply } from "./replyDrafts";
import { teamsCommandText } from "../commandText";

/** Commands that decide about the channel they are typed in (`route add` may pick one: see the channel picker). */
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
  const [verb = "", sub = ""] = text.toLowerCase().split(/\s+/);
  const picksHere = verb === "route" && sub === "add" && activity.conversation.conversationType === "personal";
  const refusal =
    CHANNEL_COMMANDS.has(verb) && !channelOf(activity) && !picksHere
      ? "teams.channelOnly"
      : CONVERSATION_COMMANDS.has(verb) && !conversationOf(activity)
        ? "teams.conversationOnly"
        : null;
  if (refusal) {
    await context.sendActivity({ type: "message", text: translator(locale, teamsMarkup.cmd)(refusal) });
    return;
  }
  const reply = await runCommand(ctx.deps, commandContextOf(activity), text);
  // In the personal chat the home card itself is the answer, on its way through the outbox.
  if (reply.type === "home" && activity.conversation.conversationType === "personal") return;
  const card = reply.type === "rule_needs_channel" ? await channelPicker(ctx, turn, reply, locale) : await commandReplyFor(ctx, reply, locale);
  await context.sendActivity({ type: "message", attachments: [attachment(card)] });
}

/** A channel, or a group or meeting chat. */
function conversationOf(activity: TeamsActivity): string | null {
  return channelOf(activity) ?? groupChatOf(activity);
}

/** Who asks and where, as Bot Framework authenticated it; a rule naming no channel gets the channel picker. */
export function commandContextOf(activity: TeamsActivity): CommandContext {
  return {
    ...actorOf(activity),
    ...(activity.from.aadObjectId ? { alsoKnownAs: [activity.from.aadObjectId] } : {}),
    channelId: conversationOf(activity) ?? activity.conversation.id,
    picksChannels: true,
  };
}

/** The reply as a card, naming the Teams channels it mentions. */
export async function commandReplyFor(ctx: TeamsRouteContext, reply: CommandReply, locale: string): Promise<AdaptiveCard> {
  const named = channelsNamedIn(reply).filter((target) => target.surface === "teams");
  const markup = teamsMarkupNaming(await channelNames(ctx.deps.store.addresses, named));
  return commandReplyCard(reply, locale, markup);
}

async function channelPicker(
  ctx: TeamsRouteContext,
  { context, activity }: Turn,
  reply: Extract<CommandReply, { type: "rule_needs_channel" }>,
  locale: string,
): Promise<AdaptiveCard> {
  const t = translator(locale, teamsMarkup.cmd);
  let channels: TeamChannel[];
  try {
    channels = await ruleChannels(ctx.deps.store.addresses, context, activity);
  } catch (error) {
    ctx.logger.warn({ err: (error as Error).message }, "could not list the team's channels for the channel picker");
    return adaptiveCard(textBlocks(t("teams.channelsUnlisted")));
  }
  if (!channels.length) return adaptiveCard(textBlocks(t("teams.noTeamChannels")));
  return channelPickerCard(commandReplyText(reply, locale, teamsMarkup), reply.rule, channels, locale, channelOf(activity));
}
