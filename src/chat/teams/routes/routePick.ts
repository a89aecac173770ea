// The channel picker's "Add the rule": the rule goes to the picked channel, which must be one of the channels the
// picker offers from where it was pressed (the team's own, or in the personal chat the organisation's); it runs as
// `route add <rule> <channel>` through the command runner, so the policy checks it exactly as the typed command.
import { z } from "zod";
import { localeOf } from "../../../core/accounts";
import { runCommand } from "../../../core/commands/runCommand";
import { channelIn, channelToken } from "../../../core/kernel/references";
import { translator } from "../../../i18n";
import { adaptiveCard, textBlocks } from "../presenters/adaptiveCard";
import { CHANNEL_INPUT } from "../presenters/channelPicker";
import { errorCard } from "../presenters/errorCard";
import { teamsMarkup } from "../presenters/teamsMarkup";
import { ruleChannels } from "../teamChannels";
import { cardResponse } from "./invokeResponse";
import { commandContextOf, commandReplyFor } from "./message";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";

const pickData = z.object({
  // The rule's own words: a channel among them would be a second target, other than the one picked and checked.
  rule: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((rule) => !rule.split(/\s+/).some((word) => channelIn(word)), "a target channel in the rule's words"),
  [CHANNEL_INPUT]: z.string().min(1).max(200),
});

export async function onRoutePick(ctx: TeamsRouteContext, turn: Turn, data: unknown): Promise<void> {
  const { context, activity, remember } = turn;
  await remember();
  const locale = localeOf(ctx.deps, await teamsEmployee(ctx.deps, activity));
  const parsed = pickData.safeParse(data);
  if (!parsed.success) return cardResponse(context, errorCard(locale));
  const channelId = parsed.data[CHANNEL_INPUT];
  const t = translator(locale, teamsMarkup.cmd);
  let offered: boolean;
  try {
    offered = (await ruleChannels(ctx.deps.store.addresses, context, activity)).some((channel) => channel.id === channelId);
  } catch (error) {
    ctx.logger.warn({ err: (error as Error).message }, "could not list the team's channels to check a picked one");
    return cardResponse(context, adaptiveCard(textBlocks(t("teams.channelsUnlisted"))));
  }
  if (!offered) return cardResponse(context, adaptiveCard(textBlocks(t("teams.notTeamChannel"))));
  const reply = await runCommand(ctx.deps, { ...commandContextOf(activity), picksChannels: false }, `route add ${parsed.data.rule} ${channelToken(channelId)}`);
  await cardResponse(context, await commandReplyFor(ctx, reply, locale));
}
