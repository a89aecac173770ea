import type { App } from "@slack/bolt";
import { requestHome } from "../../../core/points";
import type { SlackHandlerContext } from "./context";

export function registerAppHome(app: App, ctx: SlackHandlerContext): void {
  app.event("app_home_opened", async ({ event }) => {
    if (event.tab !== "home") return;
    await requestHome(ctx.deps, "slack", event.user);
  });
}
