// Composition root: config → database → adapters → HTTP server + outbox worker + schedules.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { Logger } from "pino";
import type { Config } from "./config";
import type { Clock } from "./core/ports";
import type { AiSettings, CoreDeps } from "./core/deps";
import { handleOutboxMessage } from "./core/outbox/handleMessage";
import { connectDatabase, databaseTarget, type Database } from "./db/connect";
import { cutPointTotalsIn } from "./db/pointTotals";
import { migrate } from "./db/migrate";
import { prismaStore } from "./db/prismaStore";
import { OutboxWorker } from "./outbox/worker";
import { EnqueuedSignal } from "./outbox/enqueuedSignal";
import { DiscourseClient } from "./community/discourse/client";
import { discourseWebhookRouter } from "./community/discourse/webhookRoute";
import { createSlackApp, slackWebClient, type SlackApp } from "./chat/slack/app";
import { AckFirst } from "./chat/shared/ackFirst";
import { SlackSurface } from "./chat/slack/surface";
import { createTeamsAdapter, mountTeamsEndpoint, teamsTurn } from "./chat/teams/bot";
import { EntraDepartments } from "./chat/teams/entraDepartment";
import { TeamsSurface } from "./chat/teams/surface";
import { communityJobs, startScheduler } from "./jobs/scheduler";
import { StoryTimers } from "./jobs/storySchedules";
import { healthRouter } from "./http/health";
import { databaseReadiness } from "./db/readiness";
import { localAdminRouter } from "./http/localAdmin";
import { errorHandler } from "./http/errorHandler";
import { hardenServer } from "./http/serverLimits";
import { importDirectory } from "./core/hr";
import { lanes } from "./core/kernel/lanes";
import { consoleRouter } from "./console/consoleApp";
import { SignInProviders } from "./console/auth/providers";
import { teamsTabOf } from "./console/config";
import { CONSOLE_PATH } from "./console/route";

export const COMMUNITY = "discourse";
/** How long a request still running at shutdown may take before its connection is closed. */
const STOP_GRACE_MS = 3000;
/** How much sooner than Slack's per-channel pace a channel's lane starts its next message (see PacedWebClient). */
const SLACK_LANE_LEAD_MS = 100;

export interface Advocate {
  url: string;
  server: Server;
  db: Database;
  deps: CoreDeps;
  worker: OutboxWorker;
  /** Resolves once chat handlers have finished the work they do after acking. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  /** An open database to use (and leave open): tests reuse one per file instead of booting one per app. */
  database?: Database;
  /** Tests drive the worker themselves. */
  startWorker?: boolean;
  startSchedules?: boolean;
  /** Overrides for pacing (tests and benchmarks). */
  paceMs?: (lane: string) => number;
  backoffBaseMs?: number;
}

export async function startAdvocate(config: Config, options: StartOptions): Promise<Advocate> {
  const { logger } = options;
  const db = options.database ?? (await connectDatabase(databaseTarget(config)));
  const applied = await migrate(db.sql);
  await cutPointTotalsIn(db.sql, config.ADVOCATE_TIMEZONE);
  if (applied.length) logger.info({ applied }, "database migrated");

  const enqueued = new EnqueuedSignal();
  const store = prismaStore(db.prisma, () => enqueued.notify());
  const community = new DiscourseClient({
    name: COMMUNITY,
    baseUrl: config.discourse.DISCOURSE_URL,
    apiKey: config.discourse.DISCOURSE_API_KEY,
    apiUsername: config.discourse.DISCOURSE_API_USERNAME,
    requestsPerMinute: config.discourse.DISCOURSE_REQUESTS_PER_MINUTE,
  });
  // Each chat surface only when its settings are there; the core sends through whichever is.
  const slackClient = config.slack ? slackWebClient(config.slack, logger, config.SLACK_CHANNEL_PACE_MS) : null;
  const teamsAdapter = config.teams ? createTeamsAdapter(config.teams) : null;
  const chat: CoreDeps["chat"] = {
    ...(config.slack && slackClient ? { slack: new SlackSurface(slackClient, config.ADVOCATE_TIMEZONE, config.slack.SLACK_DEPARTMENT_FIELD ?? null) } : {}),
    ...(config.teams && teamsAdapter
      ? {
          teams: new TeamsSurface(
            teamsAdapter,
            config.teams.MicrosoftAppId,
            store.addresses,
            store.fileOffers,
            config.ADVOCATE_TIMEZONE,
            config.teams.TEAMS_GRAPH_DEPARTMENT ? new EntraDepartments({ id: config.teams.MicrosoftAppId, secret: config.teams.MicrosoftAppPassword }) : null,
          ),
        }
      : {}),
  };
  const storyTimers = options.startSchedules === false ? null : new StoryTimers(store, logger.child({ component: "stories" }));
  const deps: CoreDeps = {
    store,
    community,
    chat,
    clock: options.clock ?? { now: () => new Date() },
    settings: {
      defaultLocale: config.DEFAULT_LOCALE,
      claimTtlMs: config.CLAIM_TTL_MINUTES * 60_000,
      routeDelayMs: config.ROUTE_DELAY_MS,
      excerptLength: 280,
      timezone: config.ADVOCATE_TIMEZONE,
      ignoredUsernames: config.discourse.DISCOURSE_IGNORED_USERNAMES,
      hrIds: config.ADVOCATE_HR_IDS,
      minGroupSize: config.ADVOCATE_MIN_GROUP_SIZE,
      retentionDays: config.ADVOCATE_RETENTION_DAYS,
      adminIds: config.ADVOCATE_ADMIN_IDS,
      calendar: { timezone: config.ADVOCATE_TIMEZONE, ...config.ADVOCATE_BUSINESS_HOURS, holidays: config.ADVOCATE_HOLIDAYS },
      recurringProblemThreshold: config.RECURRING_PROBLEM_THRESHOLD,
    },
    ...(config.ai ? { ai: await aiDeps(config.ai, logger) } : {}),
    ...(storyTimers ? { timers: storyTimers } : {}),
  };

  const http = express();
  http.disable("x-powered-by");
  // One probe for /readyz and the console's operations page: both say the same thing.
  const readiness = databaseReadiness(db);
  http.use(healthRouter(readiness));
  const embedded = db.embedded;
  if (embedded?.lock) {
    http.use(
      localAdminRouter({
        token: embedded.lock.token,
        importDirectory: (csv, importedBy) => importDirectory(deps, csv, { importedBy, via: "running-app" }),
        backup: () => embedded.dump(),
      }),
    );
  }
  http.use(
    discourseWebhookRouter({
      community: COMMUNITY,
      baseUrl: config.discourse.DISCOURSE_URL,
      secret: config.discourse.DISCOURSE_WEBHOOK_SECRET,
      ignoreStaff: config.discourse.DISCOURSE_IGNORE_STAFF,
      // A webhook is a machine's delivery that nobody waits on: the embedded database serves it alongside the
      // outbox's work, not before it, so a flood of them does not hold up the cards they ask for.
      store: { transaction: (work) => db.background(() => store.transaction(work)) },
      logger,
    }),
  );
  // One order for both surfaces: Slack's after-ack work also waits for Teams requests to be answered.
  const acks = new AckFirst();
  const slack: SlackApp | null = config.slack && slackClient ? createSlackApp(config.slack, http, slackClient, { deps, logger }, acks) : null;
  if (config.console) {
    const consoleUrl = config.console.ADVOCATE_CONSOLE_URL;
    const providers = new SignInProviders(config.console, consoleUrl);
    const tab = teamsTabOf(config.console, config.teams && { appId: config.teams.MicrosoftAppId, tenantId: config.teams.MicrosoftAppTenantId });
    // Loaded only when the tab is set up, as the AI adapter below: what is not configured costs no memory.
    const teamsTab = tab && new (await import("./console/auth/teamsToken")).TeamsTabSignIn(tab, consoleUrl);
    http.use(CONSOLE_PATH, consoleRouter({ deps, config: config.console, providers, teamsTab, readiness, logger: logger.child({ component: "console" }) }));
  }
  if (config.teams && teamsAdapter) {
    const teamsLogger = logger.child({ component: "teams" });
    mountTeamsEndpoint(http, teamsAdapter, teamsTurn({ deps, logger: teamsLogger }, config.teams), teamsLogger, acks);
  }

  // Each peer's own limit: the community's API key, a Slack channel, a Teams conversation.
  const gaps: Array<[string, number]> = [
    ["community:", Math.ceil(60_000 / config.discourse.DISCOURSE_REQUESTS_PER_MINUTE)],
    // The lane starts a little early, so the next card is read meanwhile; the client holds it to the pace.
    ["slack:channel:", Math.max(0, config.SLACK_CHANNEL_PACE_MS - SLACK_LANE_LEAD_MS)],
    ["teams:channel:", config.teams?.TEAMS_CHANNEL_PACE_MS ?? 0],
  ];
  const laneGap = (lane: string) => gaps.find(([prefix]) => lane.startsWith(prefix))?.[1] ?? 0;
  const worker = new OutboxWorker({
    prisma: db.prisma,
    liveness: db.kind === "pglite" ? { kind: "sole" } : { kind: "advisory-lock", hold: (classId, key) => db.holdLock(classId, key) },
    handle: (message) => handleOutboxMessage(deps, message),
    enqueued,
    logger: logger.child({ component: "outbox" }),
    paceMs: options.paceMs ?? laneGap,
    unordered: lanes.isUnordered,
    pollMs: config.OUTBOX_POLL_MS,
    leaseMs: config.OUTBOX_LEASE_MS,
    lanesAtOnce: 16,
    maxAttempts: 12,
    backoffBaseMs: options.backoffBaseMs ?? 2000,
    backoffCapMs: 15 * 60_000,
    background: (work) => db.background(work),
  });
  if (options.startWorker !== false) await worker.start();
  const scheduler =
    options.startSchedules === false
      ? null
      : startScheduler(communityJobs(COMMUNITY, config.discourse.DISCOURSE_POLL_CRON), store, logger, config.ADVOCATE_TIMEZONE);
  await storyTimers?.start();

  http.use(errorHandler(logger));
  const server = hardenServer(createServer({ connectionsCheckingInterval: 1000 }, http));
  await new Promise<void>((resolve) => server.listen(config.PORT, "0.0.0.0", resolve));
  await slack?.start();
  const { port } = server.address() as AddressInfo;
  embedded?.lock?.announce(`http://127.0.0.1:${port}`);
  logger.info(
    {
      port,
      database: db.kind,
      slack: config.slack ? (config.slack.SLACK_APP_TOKEN ? "socket mode" : "http") : "off",
      teams: config.teams ? config.teams.MicrosoftAppType : "off",
      console: config.console ? config.console.ADVOCATE_CONSOLE_URL : "off",
    },
    "advocate started",
  );

  return {
    url: `http://127.0.0.1:${port}`,
    server,
    db,
    deps,
    worker: worker,
    idle: async () => slack?.idle(),
    async stop() {
      scheduler?.stop();
      storyTimers?.stop();
      await slack?.stop();
      // Idle keep-alive connections go now; a request still running gets a moment to finish, then its socket goes too,
      // so a request stuck on a dead peer never keeps the process from stopping.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
      await closed;
      clearTimeout(grace);
      await worker.stop();
      if (!options.database) await db.close();
    },
  };
}

/** The language model and how far the admin lets it decide. */
async function aiDeps(ai: NonNullable<Config["ai"]>, logger: Logger): Promise<NonNullable<CoreDeps["ai"]>> {
  const { OpenAiModel } = await import("./ai/openai/openAiModel");
  const aiLogger = logger.child({ component: "ai" });
  const settings: AiSettings = {
    topics: ai.AI_TOPICS,
    confidenceThreshold: ai.AI_CONFIDENCE_THRESHOLD,
    dailyTokenBudget: ai.AI_DAILY_TOKEN_BUDGET,
    similarityThreshold: ai.AI_SIMILARITY_THRESHOLD,
    assistedLabel: ai.AI_ASSISTED_LABEL || null,
  };
  return { model: new OpenAiModel(ai), settings, warn: (message, fields) => aiLogger.warn(fields, message) };
}
