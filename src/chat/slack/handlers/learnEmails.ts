// Someone used Advocate on Slack (a command, a button, a form, their App Home): when their identity's verified work
// email is not known yet, it is read from their Slack profile through the outbox, so that the same person on Teams
// is one person from the start, without `link`. Done after the handler, so the ack and its work come first.
import type { App } from "@slack/bolt";
import { z } from "zod";
import { learnEmailOfKnown } from "../../../core/accounts";
import type { SlackHandlerContext } from "./context";

/** A person's own use of Advocate, not a message that merely passed through a channel Advocate is in. */
const interaction = z.union([
  z.object({ type: z.enum(["block_actions", "view_submission"]) }),
  z.object({ command: z.string() }),
  z.object({ event: z.object({ type: z.literal("app_home_opened") }) }),
]);

export function registerEmailLearning(app: App, ctx: SlackHandlerContext): void {
  app.use(async ({ body, context, next }) => {
    await next();
    const userId = context.userId;
    if (!userId || !interaction.safeParse(body).success) return;
    await learnEmailOfKnown(ctx.deps, { surface: "slack", userId }).catch((error: unknown) =>
      ctx.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "could not queue reading a Slack member's email"),
    );
  });
}
