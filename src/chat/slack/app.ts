// The Bolt app: HTTP mode on our own Express app (signatures checked by Bolt), or Socket Mode.
import { ExpressReceiver, LogLevel, SocketModeReceiver, type App, type Logger as BoltLogger } from "@slack/bolt";
import type { WebClient, WebClientOptions } from "@slack/web-api";
import { PacedWebClient } from "./methodPace";
import type { Express } from "express";
import type { Logger } from "pino";
import type { SlackConfig } from "./config";
import type { SlackHandlerContext } from "./handlers/context";
import { registerSlashCommand } from "./handlers/slashCommand";
import { registerCardButtons } from "./handlers/cardButtons";
import { registerModalSubmissions } from "./handlers/modalSubmissions";
import { registerIdeaStatus } from "./handlers/ideaStatus";
import { registerAnswerDraft } from "./handlers/answerDraft";
import { registerAnswerChange } from "./handlers/answerChange";
import { registerLinkButtons } from "./handlers/linkButtons";
import { registerDraftButtons } from "./handlers/draftButtons";
import { registerThreadReplies } from "./handlers/threadReplies";
import { registerCharityButtons } from "./handlers/charityButtons";
import { registerAppHome } from "./handlers/appHome";
import { registerHrHome } from "./handlers/hrHome";
import { registerEventDedupe } from "./handlers/dedupeEvents";
import { AckFirstApp } from "./ackFirstApp";
import type { AckFirst } from "../shared/ackFirst";
import { guardSlackBodies } from "./bodyGuard";
import { SlackSignatureCheck } from "./signatureCheck";
import { registerForeignInteractions } from "./handlers/foreignInteractions";
import { registerEmailLearning } from "./handlers/learnEmails";

const SLACK_ENDPOINT = "/slack/events";

/** How long stop waits for Slack to acknowledge the socket's close. */
const SOCKET_CLOSE_WAIT_MS = 5000;

export interface SlackApp {
  app: App;
  /**
   * Web API client carrying the bot token, for work outside a request (the outbox). `app.client` has no
   * token: with `authorize`, Bolt only puts the token on the per-request `client` it hands to listeners.
   */
  client: WebClient;
  /** Resolves once no handler is still at work after its ack. */
  idle(): Promise<void>;
  /** Socket Mode only: opens the WebSocket. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "slack" });
  return {
    debug: (...msg) => child.debug(msg.join(" ")),
    info: (...msg) => child.info(msg.join(" ")),
    warn: (...msg) => child.warn(msg.join(" ")),
    error: (...msg) => child.error(msg.map(String).join(" ")),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined,
  };
}

/** Web API calls outside a request (the outbox): retries and rate limits are the outbox's job, so it fails fast. */
function clientOptions(config: SlackConfig): WebClientOptions {
  return { slackApiUrl: config.SLACK_API_URL, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 10000 };
}

/** The bot's Web API client, for work outside a request (what the chat surface sends), paced per method and channel. */
export function slackWebClient(config: SlackConfig, logger: Logger, channelGapMs: number): WebClient {
  return new PacedWebClient(config.SLACK_BOT_TOKEN, { ...clientOptions(config), logger: boltLogger(logger) }, undefined, channelGapMs);
}

export function createSlackApp(
  config: SlackConfig,
  http: Express,
  client: WebClient,
  ctx: Omit<SlackHandlerContext, "logger"> & { logger: Logger },
  acks: AckFirst,
): SlackApp {
  const logger = boltLogger(ctx.logger);
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  if (!socketMode) guardSlackBodies(http, SLACK_ENDPOINT, new SlackSignatureCheck(config.SLACK_SIGNING_SECRET));
  const receiver = socketMode
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN ?? "",
        logger,
        // apps.connections.open on the configured Web API too (GovSlack, stand-ins), not slack.com. A fresh object:
        // the Socket Mode client adds its own (many) retries for that call when none are given.
        installerOptions: { clientOptions: { slackApiUrl: config.SLACK_API_URL } },
      })
    : new ExpressReceiver({ signingSecret: config.SLACK_SIGNING_SECRET, app: http, endpoints: SLACK_ENDPOINT, logger, processBeforeResponse: false });
  const app = new AckFirstApp(
    {
      receiver,
      logger,
      // Single-workspace install: the bot token is the authorisation; no auth.test call at start.
      authorize: async () => ({ botToken: config.SLACK_BOT_TOKEN }),
      clientOptions: clientOptions(config),
    },
    acks,
  );
  app.error(async (error) => {
    ctx.logger.error({ err: error.message, code: (error as { code?: string }).code }, "slack handler failed");
  });
  registerForeignInteractions(app, ctx.logger);
  registerEventDedupe(app, ctx);
  registerEmailLearning(app, ctx);
  registerSlashCommand(app, ctx);
  registerCardButtons(app, ctx);
  registerModalSubmissions(app, ctx);
  registerIdeaStatus(app, ctx);
  registerAnswerDraft(app, ctx);
  registerAnswerChange(app, ctx);
  registerLinkButtons(app, ctx);
  registerDraftButtons(app, ctx);
  registerThreadReplies(app, ctx);
  registerCharityButtons(app, ctx);
  registerAppHome(app, ctx);
  registerHrHome(app, ctx);
  return {
    app,
    client,
    start: async () => {
      if (socketMode) await app.start();
    },
    idle: () => app.idle(),
    stop: async () => {
      if (receiver instanceof SocketModeReceiver) {
        // Bolt's stop does not wait for the socket to close; an envelope could still arrive meanwhile.
        const closed = new Promise<void>((resolve) => receiver.client.once("disconnected", () => resolve()));
        await app.stop();
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, SOCKET_CLOSE_WAIT_MS).unref())]);
      }
      await app.idle();
    },
  };
}
