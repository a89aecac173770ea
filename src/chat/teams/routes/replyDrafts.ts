// Thread replies as drafts in Teams. With resource-specific consent (ChannelMessage.Read.Group) Teams sends every
// channel message, @mention or not: a reply without one, in the thread of one of Advocate's cards, becomes a draft
// offered to its author alone (in their personal chat); Publish and Not an answer act for whoever Bot Framework
// authenticated, so only the author can. A message edited or deleted in the thread moves or withdraws its draft.
import { z } from "zod";
import { deleteReply, dismissDraft, draftFromReply, editReply, publishDraft, returnToDrafts } from "../../../core/answers";
import { localeOf, startLink } from "../../../core/accounts";
import { translator } from "../../../i18n";
import { draftRefusalText } from "../../shared/replyDraftText";
import { actorOf, channelOf, type TeamsActivity } from "../activity";
import { DRAFT_VERBS, draftOutcomeCard } from "../presenters/notice";
import { teamsMarkup } from "../presenters/teamsMarkup";
import { cardResponse } from "./invokeResponse";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";

const draftData = z.object({ draftId: z.string().min(1).max(64) });

/** Whether the bot itself is @mentioned: then the message is a command, not a reply. */
export function mentionsBot(activity: TeamsActivity): boolean {
  return (activity.entities ?? []).some(
    (entity) => entity.type === "mention" && (entity as { mentioned?: { id?: unknown } }).mentioned?.id === activity.recipient.id,
  );
}

/** The thread a channel message is in: its root's id, from the conversation id `<channel>;messageid=<root>`. */
function threadOf(activity: TeamsActivity): { channelId: string; threadRef: string } | null {
  const channelId = channelOf(activity);
  const threadRef = /;messageid=(\d+)$/.exec(activity.conversation.id)?.[1];
  return channelId && threadRef ? { channelId, threadRef } : null;
}

/** Teams sends a message's text with its HTML; the draft keeps the words. */
function plainText(text: string | null | undefined): string {
  return (text ?? "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

/** A channel message without @Advocate: a reply in a card's thread becomes a draft; all other chatter is not ours. */
export async function onChannelReply(ctx: TeamsRouteContext, { activity, remember }: Turn): Promise<void> {
  const thread = threadOf(activity);
  // The root itself (a new post) has the same id as its thread.
  if (!thread || !activity.id || activity.id === thread.threadRef) return;
  const outcome = await draftFromReply(ctx.deps, actorOf(activity), { ...thread, replyRef: activity.id, text: plainText(activity.text) });
  // How to reach the author in personal chat, for the offer; kept only for replies to our cards, not all chatter.
  if (outcome.startsWith("drafted")) await remember();
  ctx.logger.debug({ outcome }, "Teams channel reply");
}

/** messageUpdate (editMessage) and messageDelete (softDeleteMessage) of a reply: its draft follows or goes. */
export async function onReplyChanged(ctx: TeamsRouteContext, { activity }: Turn): Promise<void> {
  const thread = threadOf(activity);
  if (!thread || !activity.id) return;
  const reply = { ...thread, replyRef: activity.id };
  const eventType = activity.channelData?.eventType;
  if (activity.type === "messageUpdate" && eventType === "editMessage")
    await editReply(ctx.deps, actorOf(activity), { ...reply, text: plainText(activity.text) });
  if (activity.type === "messageDelete" && eventType === "softDeleteMessage") await deleteReply(ctx.deps, actorOf(activity), reply);
}

/** Publish or Not an answer on the offer card: the card becomes what came of it, for the one who pressed. */
export async function onDraftAction(ctx: TeamsRouteContext, { context, activity, remember }: Turn, verb: string, data: unknown): Promise<void> {
  await remember();
  const employee = await teamsEmployee(ctx.deps, activity);
  const parsed = draftData.safeParse(data);
  const draftId = parsed.success ? parsed.data.draftId : "";
  const t = translator(localeOf(ctx.deps, employee), teamsMarkup.cmd);
  const result =
    verb === DRAFT_VERBS.publish ? await publishDraft(ctx.deps, actorOf(activity), draftId) : await dismissDraft(ctx.deps, actorOf(activity), draftId);
  if (!result.ok) {
    const text = draftRefusalText(result.problem, result.locale, teamsMarkup);
    return cardResponse(context, draftOutcomeCard(text, result.locale, result.problem === "not_linked"));
  }
  const text = "username" in result ? t("replyDraft.sent", { username: result.username }) : t("replyDraft.dismissed");
  await cardResponse(context, draftOutcomeCard(text, result.locale));
}

/** "Link my community account": the usual consent flow; already linked, the person's drafts come back at once. */
export async function onLinkStart(ctx: TeamsRouteContext, { context, activity, remember }: Turn): Promise<void> {
  await remember();
  const employee = await teamsEmployee(ctx.deps, activity);
  const locale = localeOf(ctx.deps, employee);
  const t = translator(locale, teamsMarkup.cmd);
  const started = await startLink(ctx.deps, actorOf(activity));
  if (started.status === "already_linked") await returnToDrafts(ctx.deps, actorOf(activity));
  const text = started.status === "already_linked" ? t("link.already", { username: started.username }) : t("link.lookingUp");
  await cardResponse(context, draftOutcomeCard(text, locale));
}
