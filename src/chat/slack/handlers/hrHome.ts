// HR's choices on the App Home. Pickers only record a choice (acked, nothing else); "Show report" redraws the home
// with the report for the choice, "CSV" sends it as files, both through the core, which authorises and audits.
import type { App, BlockAction } from "@slack/bolt";
import { z } from "zod";
import { requestHome } from "../../../core/points";
import { reportCommand } from "../../../core/hr";
import { HR_ACTIONS } from "../presenters/hrHome";
import { homeReportChoice } from "../../shared/hrHomeChoice";
import type { SlackHandlerContext } from "./context";
import type { HomeReportChoice } from "../../../core/ports/views/reportView";

const element = z.object({
  selected_option: z.object({ value: z.string().max(100) }).nullish(),
  selected_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullish(),
});
const homeState = z.object({ view: z.object({ state: z.object({ values: z.record(z.string(), z.record(z.string(), element)) }) }) });

/** The choice on the home as Slack reports its state: two dates make a custom period, else the unit picked. */
export function choiceOf(body: unknown): HomeReportChoice {
  const parsed = homeState.safeParse(body);
  const values = parsed.success ? Object.values(parsed.data.view.state.values) : [];
  const pick = (actionId: string) => values.find((block) => block[actionId])?.[actionId];
  return homeReportChoice({
    unit: pick(HR_ACTIONS.period)?.selected_option?.value,
    from: pick(HR_ACTIONS.from)?.selected_date,
    to: pick(HR_ACTIONS.to)?.selected_date,
    department: pick(HR_ACTIONS.department)?.selected_option?.value,
  });
}

export function registerHrHome(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;
  for (const picker of [HR_ACTIONS.period, HR_ACTIONS.from, HR_ACTIONS.to, HR_ACTIONS.department]) {
    app.action<BlockAction>({ action_id: picker }, async ({ ack }) => ack());
  }
  app.action<BlockAction>({ action_id: HR_ACTIONS.show }, async ({ ack, body }) => {
    await ack();
    await requestHome(deps, "slack", body.user.id, { report: choiceOf(body) });
  });
  app.action<BlockAction>({ action_id: HR_ACTIONS.csv }, async ({ ack, body }) => {
    await ack();
    const choice = choiceOf(body);
    const command = { surface: "slack", userId: body.user.id, channelId: "" };
    // A refusal is audited by the core; the home has nowhere to say more than it shows.
    await reportCommand(deps, command, [choice.period, ...(choice.department ? [choice.department] : []), "csv"]);
  });
}
