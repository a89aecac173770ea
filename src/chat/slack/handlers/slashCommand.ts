// `/advocate …`: acknowledged at once, then the core runs the command and its reply (ephemeral) goes to the
// command's response_url. Nothing waits on the database before the ack, so Slack's 3 s hold even under load.
import type { App } from "@slack/bolt";
import { runCommand } from "../../../core/commands/runCommand";
import { actorEmployee, localeOf } from "../../../core/accounts";
import { commandReply } from "../presenters/commandReply";
import { neutralCommandText } from "../commandText";
import type { SlackHandlerContext } from "./context";

export function registerSlashCommand(app: App, ctx: SlackHandlerContext): void {
  app.command("/advocate", async ({ command, ack, respond }) => {
    await ack();
    const actor = { surface: "slack", userId: command.user_id, displayName: command.user_name };
    const locale = localeOf(ctx.deps, await actorEmployee(ctx.deps, actor));
    const reply = await runCommand(ctx.deps, { ...actor, channelId: command.channel_id }, neutralCommandText(command.text ?? ""));
    await respond({ response_type: "ephemeral", ...commandReply(reply, locale) });
  });
}
