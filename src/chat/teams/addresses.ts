// Teams needs a conversation reference to post later (cards, DMs): remembered from every activity we get.
import { z } from "zod";
import type { AddressRepo } from "../../core/ports";
import { channelOf, tenantOf, type TeamsActivity } from "./activity";

export const channelAddress = z.object({ serviceUrl: z.string(), tenantId: z.string(), teamId: z.string().nullish(), name: z.string().nullish() });
export type ChannelAddress = z.infer<typeof channelAddress>;

export const userAddress = z.object({
  serviceUrl: z.string(),
  tenantId: z.string(),
  /** A conversation the person is in, for looking up their profile. */
  seenIn: z.string(),
  /** Their one-to-one chat with Advocate, once it exists. */
  personalConversationId: z.string().nullish(),
});
export type UserAddress = z.infer<typeof userAddress>;

export async function rememberAddresses(addresses: AddressRepo, activity: TeamsActivity): Promise<void> {
  const tenantId = tenantOf(activity);
  if (!tenantId) return;
  const channelId = channelOf(activity);
  if (channelId) {
    const team = activity.channelData?.team;
    await addresses.save("teams", "channel", channelId, {
      serviceUrl: activity.serviceUrl,
      tenantId,
      teamId: team?.id ?? null,
      name: activity.channelData?.channel?.name ?? null,
    });
  }
  const personal = activity.conversation.conversationType === "personal" ? activity.conversation.id : null;
  const known = userAddress.safeParse(await addresses.get("teams", "user", activity.from.id));
  const reference: UserAddress = {
    serviceUrl: activity.serviceUrl,
    tenantId,
    seenIn: activity.conversation.id.split(";")[0] ?? activity.conversation.id,
    personalConversationId: personal ?? (known.success ? known.data.personalConversationId : null),
  };
  await addresses.save("teams", "user", activity.from.id, reference);
}

export async function channelAddressOf(addresses: AddressRepo, channelId: string): Promise<ChannelAddress | null> {
  const parsed = channelAddress.safeParse(await addresses.get("teams", "channel", channelId));
  return parsed.success ? parsed.data : null;
}

export async function userAddressOf(addresses: AddressRepo, userId: string): Promise<UserAddress | null> {
  const parsed = userAddress.safeParse(await addresses.get("teams", "user", userId));
  return parsed.success ? parsed.data : null;
}
