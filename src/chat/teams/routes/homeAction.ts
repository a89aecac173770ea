// The home card's Universal Actions: its automatic refresh, and HR's "Show report" and "CSV". The card that answers
// is always the home of the person Bot Framework authenticated (`from`): nothing in the action's data names whose
// home it is, so a forged refresh for someone else's id still shows the presser only their own.
import { z } from "zod";
import { localeOf } from "../../../core/accounts";
import { reportCommand } from "../../../core/hr";
import { buildHomeView } from "../../../core/points";
import { commandReplyText } from "../../shared/commandReplyText";
import { homeReportChoice } from "../../shared/hrHomeChoice";
import { HOME_INPUTS, HOME_VERBS, homeCard } from "../presenters/homeCard";
import { teamsMarkup } from "../presenters/teamsMarkup";
import { cardResponse } from "./invokeResponse";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullish()
  .catch(null);
/** HR's inputs as Teams sends them with the action (an empty input may be missing or ""); anything else is dropped. */
const pickedInputs = z.object({
  [HOME_INPUTS.unit]: z.string().max(20).nullish().catch(null),
  [HOME_INPUTS.from]: day,
  [HOME_INPUTS.to]: day,
  [HOME_INPUTS.department]: z.string().max(100).nullish().catch(null),
});

export type HomeVerb = (typeof HOME_VERBS)[keyof typeof HOME_VERBS];

export async function onHomeAction(ctx: TeamsRouteContext, { context, activity, remember }: Turn, verb: HomeVerb, data: unknown): Promise<void> {
  await remember();
  const employee = await teamsEmployee(ctx.deps, activity);
  const locale = localeOf(ctx.deps, employee);
  const viewer = { surface: "teams", userId: activity.from.id, ...(activity.from.aadObjectId ? { alsoKnownAs: [activity.from.aadObjectId] } : {}) };
  const inputs = pickedInputs.safeParse(data ?? {});
  const picked = inputs.success ? inputs.data : {};
  const choice = homeReportChoice({
    unit: picked[HOME_INPUTS.unit],
    from: picked[HOME_INPUTS.from],
    to: picked[HOME_INPUTS.to],
    department: picked[HOME_INPUTS.department],
  });
  let notice: string | undefined;
  if (verb === HOME_VERBS.csv) {
    // The core authorises and audits it as a report; a refusal is said on the card.
    const reply = await reportCommand(ctx.deps, { ...viewer, channelId: "" }, [choice.period, ...(choice.department ? [choice.department] : []), "csv"]);
    notice = commandReplyText(reply, locale, teamsMarkup);
  }
  const view = await buildHomeView(ctx.deps, viewer, verb === HOME_VERBS.report ? choice : undefined);
  await cardResponse(context, homeCard(view, locale, ctx.deps.settings.timezone, activity.from.id, notice));
}
