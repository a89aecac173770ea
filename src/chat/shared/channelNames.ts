// The names of channels where Advocate keeps them with their address (Teams gives a channel's name with its
// activities; Slack writes its own channel links by id), for the surfaces that name channels in words: Teams' replies
// and the web console.
import { z } from "zod";
import type { ChatTarget } from "../../core/kernel/model";
import type { AddressRepo } from "../../core/ports";

const named = z.object({ name: z.string().min(1) });

/** By channel id: only the channels whose name is known. */
export async function channelNames(addresses: AddressRepo, targets: readonly ChatTarget[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const target of targets) {
    if (names.has(target.channelId)) continue;
    const address = named.safeParse(await addresses.get(target.surface, "channel", target.channelId));
    if (address.success) names.set(target.channelId, address.data.name);
  }
  return names;
}
