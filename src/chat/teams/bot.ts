// The Teams bot: botbuilder's CloudAdapter (Bot Framework JWT checked on every request) on POST /api/messages,
// and a small router that sends each kind of activity to its route.
import { CloudAdapter, type TurnContext } from "botbuilder";
import { botFrameworkAuthentication } from "./auth";
import express, { type Express } from "express";
import type { Logger } from "pino";
import { normalizeLocale, translator } from "../../i18n";
import { servedTenants, type TeamsConfig } from "./config";
import { actorOf, teamsActivity, tenantOf, type TeamsActivity } from "./activity";
import { learnEmailOf } from "../../core/accounts";
import { HourlyNotice } from "./hourlyNotice";
import { HeldResponse, statusError } from "./heldResponse";
import type { AckFirst } from "../shared/ackFirst";
import { rememberAddresses } from "./addresses";
import { teamsMarkup } from "./presenters/teamsMarkup";
import { errorCard } from "./presenters/errorCard";
import { onMessage } from "./routes/message";
import { onReplyChanged } from "./routes/replyDrafts";
import { onInstallation } from "./routes/installation";
import { onCardAction } from "./routes/cardAction";
import { onTaskFetch, onTaskSubmit } from "./routes/taskModule";
import { onFileConsent } from "./routes/fileConsent";
import { cardResponse, invokeResponse } from "./routes/invokeResponse";
import type { TeamsRouteContext, Turn } from "./routes/context";

export const TEAMS_ENDPOINT = "/api/messages";

export function createTeamsAdapter(config: TeamsConfig): CloudAdapter {
  return new CloudAdapter(botFrameworkAuthentication(config));
}

/** Runs one authenticated turn: validate, keep other tenants out, route. */
export function teamsTurn(ctx: TeamsRouteContext, config: TeamsConfig): (context: TurnContext) => Promise<void> {
  const served = servedTenants(config);
  const strangers = new HourlyNotice();
  return async (context) => {
    // Checked at the door already (mountTeamsEndpoint); parsed again here for its types.
    const activity = teamsActivity.parse(context.activity);
    const isInvoke = activity.type === "invoke";
    const tenant = tenantOf(activity)?.toLowerCase() ?? null;
    if (!tenant || !served.has(tenant)) {
      // The token only proves the message came through Bot Framework; the tenant says from whose organisation.
      if (strangers.firstInHour(tenant ?? "none")) ctx.logger.warn({ tenant }, "Teams activity from a tenant Advocate does not serve refused");
      const t = translator(normalizeLocale(activity.locale), teamsMarkup.cmd);
      if (isInvoke) await invokeResponse(context, { error: t("teams.otherTenant") }, 403);
      return;
    }
    const turn: Turn = {
      context,
      activity,
      remember: async () => {
        await rememberAddresses(ctx.deps.store.addresses, activity);
        // Someone Advocate has no verified email for: their Teams profile is read, so they are one person across surfaces.
        await learnEmailOf(ctx.deps, actorOf(activity));
      },
    };
    await route(ctx, turn, activity);
  };
}

async function route(ctx: TeamsRouteContext, turn: Turn, activity: TeamsActivity): Promise<void> {
  switch (activity.type) {
    case "message":
      return onMessage(ctx, turn);
    case "messageUpdate":
    case "messageDelete":
      return onReplyChanged(ctx, turn);
    case "conversationUpdate":
    case "installationUpdate":
      return onInstallation(ctx, turn);
    case "invoke":
      switch (activity.name) {
        case "adaptiveCard/action":
          return onCardAction(ctx, turn);
        case "task/fetch":
          return onTaskFetch(ctx, turn);
        case "task/submit":
          return onTaskSubmit(ctx, turn);
        case "fileConsent/invoke":
          return onFileConsent(ctx, turn);
        default:
          return cardResponse(turn.context, errorCard(normalizeLocale(activity.locale, ctx.deps.settings.defaultLocale)));
      }
    default:
      // Typing, reactions: nothing for Advocate to do.
      return;
  }
}

/**
 * POST /api/messages: a body that is no activity we understand gets 400 with the reason; botbuilder then
 * checks the JWT (401 when missing, expired or forged) before any route runs.
 */
export function mountTeamsEndpoint(http: Express, adapter: CloudAdapter, turn: (context: TurnContext) => Promise<void>, logger: Logger, acks: AckFirst): void {
  // Teams answers an activity when its turn ends: until then Slack's after-ack work waits (chat/shared/ackFirst.ts).
  http.post(TEAMS_ENDPOINT, (_req, res, next) => {
    res.once("close", acks.arrived());
    next();
  });
  http.post(TEAMS_ENDPOINT, express.json({ limit: "256kb" }), async (req, res, next) => {
    const parsed = teamsActivity.safeParse(req.body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
      logger.warn({ problems }, "malformed Teams activity refused");
      res.status(400).json({ error: "malformed activity", problems });
      return;
    }
    let turnStarted = false;
    const held = new HeldResponse();
    await adapter.process(req, held, async (context) => {
      turnStarted = true;
      await turn(context);
    });
    // Anything but botbuilder's own failures (401, 500) is the turn's answer, an invoke's 403 among them.
    if (held.statusCode !== 401 && held.statusCode !== 500) {
      res.status(held.statusCode);
      if (held.body === undefined) res.end();
      else res.json(held.body);
      return;
    }
    // A token that fails its checks is 401; one that could not be checked (the Bot Framework's keys out of reach)
    // is 503, so the channel tries again; a failure inside our own turn is ours, a 500.
    if (held.statusCode === 401) next(statusError(401, "Bot Framework token refused"));
    else if (!turnStarted) next(statusError(503, `the activity's token could not be checked: ${String(held.body)}`));
    else next(statusError(500, `Teams turn failed: ${String(held.body)}`));
  });
}
