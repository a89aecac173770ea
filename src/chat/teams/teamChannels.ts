// The channels a routing rule may send questions to, seen from where the command was typed: in a team's channel,
// that team's channels as Teams lists them now; in the personal chat, the team channels Advocate was added to in
// the person's own organisation. The same list both offers the picker's choices and checks the pick.
import { TeamsInfo, type TurnContext } from "botbuilder";
import type { AddressRepo } from "../../core/ports";
import { tenantOf, type TeamsActivity } from "./activity";
import { channelAddress } from "./addresses";

/** Teams lists a team's General channel (whose id is the team's) without a name. */
export const GENERAL_CHANNEL = "General";

export interface TeamChannel {
  id: string;
  name: string;
}

/** Throws when Teams cannot list the team's channels (the caller says so in words). */
export async function ruleChannels(addresses: AddressRepo, context: TurnContext, activity: TeamsActivity): Promise<TeamChannel[]> {
  const teamId = activity.channelData?.team?.id;
  if (teamId) {
    const listed = await TeamsInfo.getTeamChannels(context, teamId);
    return listed.flatMap((channel) => (channel.id ? [{ id: channel.id, name: channel.name ?? GENERAL_CHANNEL }] : []));
  }
  if (activity.conversation.conversationType !== "personal") return [];
  const tenantId = tenantOf(activity);
  return (await addresses.list("teams", "channel")).flatMap((row) => {
    const address = channelAddress.safeParse(row.reference);
    const inATeam = address.success && address.data.teamId && !address.data.chat && address.data.tenantId === tenantId;
    return inATeam ? [{ id: row.externalId, name: address.data.name ?? row.externalId }] : [];
  });
}
