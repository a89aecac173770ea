// The parts of a Bot Framework activity Advocate reads, validated; everything else is ignored.
import { z } from "zod";

const account = z.object({ id: z.string().min(1), name: z.string().nullish(), aadObjectId: z.string().nullish(), role: z.string().nullish() });

// Strings on the wire; botbuilder turns them into Dates (and chokes on ones that are not dates).
const moment = z.union([z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date"), z.date()]).optional();

export const teamsActivity = z.object({
  type: z.string(),
  // Read by botbuilder itself (replies, invoke responses): their types must hold too.
  id: z.string().optional(),
  timestamp: moment,
  localTimestamp: moment,
  attachments: z.array(z.object({ contentType: z.string() }).loose()).optional(),
  entities: z.array(z.object({ type: z.string() }).loose()).optional(),
  name: z.string().nullish(),
  serviceUrl: z.url(),
  channelId: z.literal("msteams"),
  from: account,
  recipient: account,
  conversation: z.object({
    id: z.string().min(1),
    tenantId: z.string().nullish(),
    conversationType: z.string().nullish(),
    isGroup: z.boolean().nullish(),
    name: z.string().nullish(),
  }),
  textFormat: z.string().nullish(),
  text: z.string().nullish(),
  locale: z.string().nullish(),
  replyToId: z.string().nullish(),
  value: z.unknown().optional(),
  action: z.string().nullish(),
  membersAdded: z.array(account).nullish(),
  channelData: z
    .object({
      channel: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
      team: z.object({ id: z.string(), name: z.string().nullish() }).nullish(),
      tenant: z.object({ id: z.string() }).nullish(),
      eventType: z.string().nullish(),
      settings: z.object({ selectedChannel: z.object({ id: z.string() }).nullish() }).nullish(),
    })
    .nullish(),
});

export type TeamsActivity = z.infer<typeof teamsActivity>;

/** The channel a channel conversation belongs to: its id without the thread's `;messageid=…`. */
export function channelOf(activity: TeamsActivity): string | null {
  return activity.channelData?.channel?.id ?? (activity.conversation.conversationType === "channel" ? (activity.conversation.id.split(";")[0] ?? null) : null);
}

/** A group chat or a meeting's chat (Teams calls both `groupChat`): the whole conversation is the place. */
export function groupChatOf(activity: TeamsActivity): string | null {
  return activity.conversation.conversationType === "groupChat" ? activity.conversation.id : null;
}

export function tenantOf(activity: TeamsActivity): string | null {
  return activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? null;
}

/** Who acts, as Bot Framework authenticated the request. */
export function actorOf(activity: TeamsActivity) {
  return { surface: "teams", userId: activity.from.id, displayName: activity.from.name ?? null };
}

const mention = z.object({ type: z.literal("mention"), text: z.string().min(1), mentioned: z.object({ id: z.string().min(1) }) });

/** The people a message mentions, each as Teams wrote them in the text (`<at>Name</at>`), with their Teams id. */
export function personMentions(activity: TeamsActivity): Array<{ text: string; id: string }> {
  return (activity.entities ?? []).flatMap((entity) => {
    const parsed = mention.safeParse(entity);
    // People are 29:…; the bot itself (28:…) is the one addressed, not someone named.
    return parsed.success && parsed.data.mentioned.id !== activity.recipient.id && parsed.data.mentioned.id.startsWith("29:")
      ? [{ text: parsed.data.text, id: parsed.data.mentioned.id }]
      : [];
  });
}
