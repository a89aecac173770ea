// `/advocate …`: the core runs the command; the reply is the ack itself (ephemeral, within 3 s).
import type { App } from "@slack/bolt";
import { runCommand } from "../../../core/commands/runCommand";
import { actorEmployee, localeOf } from "../../../core/accounts";
import { commandReply } from "../presenters/commandReply";
import { neutralCommandText } from "../commandText";
import type { SlackHandlerContext } from "./context";

export function registerSlashCommand(app: App, ctx: SlackHandlerContext): void {
  app.command("/advocate", async ({ command, ack }) => {
    const actor = { surface: "slack", userId: command.user_id, displayName: command.user_name };
    const locale = localeOf(ctx.deps, await actorEmployee(ctx.deps, actor));
    const reply = await runCommand(ctx.deps, { ...actor, channelId: command.channel_id }, neutralCommandText(command.text ?? ""));
    await ack({ response_type: "ephemeral", ...commandReply(reply, locale) });
  });
}
