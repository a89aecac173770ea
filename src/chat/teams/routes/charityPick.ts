// A charity chosen on the picker card: the core records the pick for the person Bot Framework authenticated,
// and the card becomes the confirmation.
import { z } from "zod";
import { localeOf } from "../../../core/accounts";
import { pickCharity } from "../../../core/charity";
import { actorOf } from "../activity";
import { commandReplyCard } from "../presenters/commandReply";
import { cardResponse } from "./invokeResponse";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";

const pickData = z.object({ charityId: z.coerce.number().int().positive() });

export async function onCharityPick(ctx: TeamsRouteContext, { context, activity, remember }: Turn, data: unknown): Promise<void> {
  await remember();
  const employee = await teamsEmployee(ctx.deps, activity);
  const parsed = pickData.safeParse(data);
  // A card from before a charity was removed, or tampered data: the core answers "no such charity".
  const result = await pickCharity(ctx.deps, actorOf(activity), parsed.success ? parsed.data.charityId : 0);
  const typed = parsed.success ? String(parsed.data.charityId) : "";
  await cardResponse(context, commandReplyCard({ type: "charity", charity: { kind: "pick", result, typed } }, localeOf(ctx.deps, employee)));
}
