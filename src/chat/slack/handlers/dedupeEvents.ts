// Slack re-sends an Events API event it thinks we missed (same event_id, X-Slack-Retry-Num set):
// each event_id is handled once.
import type { App } from "@slack/bolt";
import type { SlackHandlerContext } from "./context";

export function registerEventDedupe(app: App, ctx: SlackHandlerContext): void {
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    const event = (body as { event?: { type?: string } }).event;
    const recorded = await ctx.deps.store.inbound.record({
      source: "slack",
      deliveryId: eventId,
      businessKey: eventId,
      name: event?.type ?? "event",
      payload: body,
    });
    if (!recorded) {
      ctx.logger.info({ eventId }, "duplicate Slack event ignored");
      return;
    }
    await next();
    await ctx.deps.store.inbound.markProcessed(recorded.id, "handled");
  });
}
