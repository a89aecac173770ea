// The consent buttons in the "post as @alice?" message. The clicker is the one Slack signed for,
// so nobody can accept on someone else's behalf.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { acceptLink, declineLink } from "../../../core/accounts";
import { returnToDrafts } from "../../../core/answers";
import { actorEmployee, localeOf } from "../../../core/accounts";
import { translator } from "../../../i18n";
import { escapeMrkdwn } from "../presenters/mrkdwn";
import { LINK_ACCEPT, LINK_DECLINE } from "../presenters/notice";
import type { SlackHandlerContext } from "./context";

export function registerLinkButtons(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;
  app.action<BlockAction<ButtonAction>>(LINK_ACCEPT, async ({ ack, body, respond }) => {
    await ack();
    const actor = { surface: "slack", userId: body.user.id };
    const linked = await acceptLink(deps, actor);
    // Back to what they were writing: their waiting drafts are offered again, now as their account.
    if (linked?.communityUsername) await returnToDrafts(deps, actor);
    const t = translator(localeOf(deps, await actorEmployee(deps, actor)));
    await respond({
      replace_original: true,
      text: linked?.communityUsername ? t("link.linked", { username: escapeMrkdwn(linked.communityUsername) }) : t("link.noOffer"),
    });
  });
  app.action<BlockAction<ButtonAction>>(LINK_DECLINE, async ({ ack, body, respond }) => {
    await ack();
    const actor = { surface: "slack", userId: body.user.id };
    await declineLink(deps, actor);
    const t = translator(localeOf(deps, await actorEmployee(deps, actor)));
    await respond({ replace_original: true, text: t("link.declined") });
  });
}
