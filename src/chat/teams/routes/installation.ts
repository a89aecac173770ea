// Advocate added to a team: remember every channel of the team, so rules can send questions there. Installed in
// someone's personal scope: their home card.
import { TeamsInfo } from "botbuilder";
import { requestHome } from "../../../core/points";
import { tenantOf } from "../activity";
import { GENERAL_CHANNEL } from "../teamChannels";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";

export async function onInstallation(ctx: TeamsRouteContext, { context, activity, remember }: Turn): Promise<void> {
  await remember();
  const team = activity.channelData?.team;
  const tenantId = tenantOf(activity);
  const botAdded =
    activity.type === "installationUpdate" ? activity.action === "add" : (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
  // Installed for themselves: their home card is the first thing in the personal chat. Teams announces a personal
  // install twice (installationUpdate and conversationUpdate): the installationUpdate alone shows it, once.
  if (activity.conversation.conversationType === "personal") {
    if (!botAdded || activity.type !== "installationUpdate") return;
    await teamsEmployee(ctx.deps, activity); // their language, for the card
    await requestHome(ctx.deps, "teams", activity.from.id, { asked: true });
    return;
  }
  if (!botAdded || !team || !tenantId) return;
  const save = (channelId: string, name: string | null) =>
    ctx.deps.store.addresses.save("teams", "channel", channelId, { serviceUrl: activity.serviceUrl, tenantId, teamId: team.id, name });
  // The General channel has the team's id; it is there even when listing the others fails.
  await save(team.id, GENERAL_CHANNEL);
  try {
    for (const channel of await TeamsInfo.getTeamChannels(context, team.id)) {
      if (channel.id) await save(channel.id, channel.name ?? GENERAL_CHANNEL);
    }
  } catch (error) {
    ctx.logger.warn({ team: team.id, err: (error as Error).message }, "could not list the team's channels; they are added as they are used");
  }
  ctx.logger.info({ team: team.id }, "added to a team");
}
