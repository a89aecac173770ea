// A click on a charity in the picker: the core records the pick for the clicker Slack signed for, and the
// picker message is replaced by the confirmation.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { actorEmployee, localeOf } from "../../../core/accounts";
import { pickCharity } from "../../../core/charity";
import { commandReply } from "../presenters/commandReply";
import { CHARITY_PICK_ACTION } from "../presenters/charityPicker";
import type { SlackHandlerContext } from "./context";

export function registerCharityButtons(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;
  app.action<BlockAction<ButtonAction>>({ action_id: CHARITY_PICK_ACTION }, async ({ ack, body, action, respond }) => {
    await ack();
    const actor = { surface: "slack", userId: body.user.id };
    const result = await pickCharity(deps, actor, Number(action.value));
    const locale = localeOf(deps, await actorEmployee(deps, actor));
    await respond({ replace_original: true, ...commandReply({ type: "charity", charity: { kind: "pick", result, typed: action.value ?? "" } }, locale) });
  });
}
