// Teams needs a conversation reference to post later (cards, DMs): remembered from every activity we get.
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import type { AddressRepo } from "../../core/ports";
import { channelOf, groupChatOf, personMentions, tenantOf, type TeamsActivity } from "./activity";

export const channelAddress = z.object({
  serviceUrl: z.string(),
  tenantId: z.string(),
  teamId: z.string().nullish(),
  name: z.string().nullish(),
  /** A group or meeting chat, posted into as it is (a channel gets a new thread per post). */
  chat: z.boolean().nullish(),
});
export type ChannelAddress = z.infer<typeof channelAddress>;

export const userAddress = z.object({
  serviceUrl: z.string(),
  tenantId: z.string(),
  /** A conversation the person is in, for looking up their profile. */
  seenIn: z.string(),
  /** Their one-to-one chat with Advocate, once it exists. */
  personalConversationId: z.string().nullish(),
  /** The home card in that chat, redrawn in place when their points change (see TeamsSurface.publishHome). */
  homeMessageId: z.string().nullish(),
});
export type UserAddress = z.infer<typeof userAddress>;

export async function rememberAddresses(addresses: AddressRepo, activity: TeamsActivity): Promise<void> {
  const tenantId = tenantOf(activity);
  if (!tenantId) return;
  const channelId = channelOf(activity);
  if (channelId) {
    const team = activity.channelData?.team;
    // A channel message seldom carries the channel's name: the one the team's channel list gave is kept.
    const known = await channelAddressOf(addresses, channelId);
    const address: ChannelAddress = {
      serviceUrl: activity.serviceUrl,
      tenantId,
      teamId: team?.id ?? known?.teamId ?? null,
      name: activity.channelData?.channel?.name ?? known?.name ?? null,
    };
    if (!isDeepStrictEqual(address, known)) await addresses.save("teams", "channel", channelId, address);
  }
  const groupChat = groupChatOf(activity);
  if (groupChat) {
    await addresses.save("teams", "channel", groupChat, {
      serviceUrl: activity.serviceUrl,
      tenantId,
      teamId: null,
      name: activity.conversation.name ?? null,
      chat: true,
    });
  }
  const personal = activity.conversation.conversationType === "personal" ? activity.conversation.id : null;
  const known = userAddress.safeParse(await addresses.get("teams", "user", activity.from.id));
  const reference: UserAddress = {
    serviceUrl: activity.serviceUrl,
    tenantId,
    seenIn: activity.conversation.id.split(";")[0] ?? activity.conversation.id,
    personalConversationId: personal ?? (known.success ? known.data.personalConversationId : null),
    // A home card lives in one personal chat: another one (Advocate reinstalled) starts without it.
    homeMessageId: known.success && (!personal || personal === known.data.personalConversationId) ? known.data.homeMessageId : null,
  };
  // Every click carries the address and nearly always nothing changed: compared with the one read above, not saved
  // (the repository's save would read it again), so a click costs one statement here before its answer, not two.
  if (!known.success || !isDeepStrictEqual(reference, known.data)) await addresses.save("teams", "user", activity.from.id, reference);
  // Someone mentioned (`escalate:@Bram`) is a member of this conversation: Advocate can reach them through it.
  for (const person of personMentions(activity)) {
    if (person.id === activity.from.id || (await userAddressOf(addresses, person.id))) continue;
    await addresses.save("teams", "user", person.id, { ...reference, personalConversationId: null, homeMessageId: null });
  }
}

/** Keeps (or, with null, forgets) which message in their personal chat is the person's home card. */
export async function rememberHomeCard(addresses: AddressRepo, userId: string, homeMessageId: string | null): Promise<void> {
  const known = await userAddressOf(addresses, userId);
  if (known) await addresses.save("teams", "user", userId, { ...known, homeMessageId });
}

export async function channelAddressOf(addresses: AddressRepo, channelId: string): Promise<ChannelAddress | null> {
  const parsed = channelAddress.safeParse(await addresses.get("teams", "channel", channelId));
  return parsed.success ? parsed.data : null;
}

export async function userAddressOf(addresses: AddressRepo, userId: string): Promise<UserAddress | null> {
  const parsed = userAddress.safeParse(await addresses.get("teams", "user", userId));
  return parsed.success ? parsed.data : null;
}

/** The channel of this team with this name (in any case), or null: names are unique within a team only. */
export async function channelNamed(addresses: AddressRepo, teamId: string, name: string): Promise<string | null> {
  const wanted = name.toLowerCase();
  for (const row of await addresses.list("teams", "channel")) {
    const address = channelAddress.safeParse(row.reference);
    if (address.success && address.data.teamId === teamId && address.data.name?.toLowerCase() === wanted) return row.externalId;
  }
  return null;
}
