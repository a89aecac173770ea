// Starts the real app (HTTP server, Bolt, Teams adapter, Discourse adapter, outbox) on an ephemeral port,
// on in-memory PGlite, or on the machine's Postgres in the test file's own schema when DATABASE_URL is set.
// One database per test file, emptied before each app: booting PGlite takes seconds, emptying it milliseconds.
import { randomBytes, randomUUID } from "node:crypto";
import nock from "nock";
import { Client } from "pg";
import pino from "pino";
import { loadConfig, type Config } from "../../src/config";
import { startAdvocate, type Advocate } from "../../src/app";
import { connectDatabase, type Database } from "../../src/db/connect";
import type { Clock } from "../../src/core/ports";
import { DISCOURSE_SECRET, SLACK_SIGNING_SECRET, discourseSignature, slackHeaders } from "./signing";
import { ADMIN_AAD, channelToken, teamsEnv } from "./teams";

export const SLACK_API = "https://slack.test/api/";
/** Where Slack points a command's and an interaction's response_url. */
const RESPONSE_URL_HOST = "https://hooks.slack.com";
export const DISCOURSE_URL = "https://community.voltaro.example";

export function testConfig(overrides: Record<string, string> = {}): Config {
  const result = loadConfig({
    PORT: "0",
    ADVOCATE_DATA_DIR: "memory://",
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    LOG_LEVEL: "silent",
    ADVOCATE_ADMIN_IDS: `UADMIN001,${ADMIN_AAD}`,
    ...teamsEnv,
    SLACK_BOT_TOKEN: "xoxb-test-token-123",
    SLACK_SIGNING_SECRET,
    SLACK_API_URL: SLACK_API,
    DISCOURSE_URL,
    DISCOURSE_API_KEY: "test-discourse-api-key",
    DISCOURSE_WEBHOOK_SECRET: DISCOURSE_SECRET,
    // How long a question with one of its two webhooks waits for the other before it is fetched instead. Longer
    // than any gap between the two on a loaded machine (a test sends both), and drain() waits for it anyway.
    ROUTE_DELAY_MS: "1000",
    // A handful of people per department in these tests; test/e2e/smallGroups.test.ts tests the rule itself.
    ADVOCATE_MIN_GROUP_SIZE: "0",
    // The outbox is not paced here (paceMs 0) and neither is the community's budget: a test file may make more than
    // Discourse's 60 calls a minute; test/community/discourse/client.test.ts tests the budget itself.
    DISCOURSE_REQUESTS_PER_MINUTE: "100000",
    // Nor Slack's channels, at the call either: test/chat/slack/methodPace.test.ts tests that pace itself.
    SLACK_CHANNEL_PACE_MS: "0",
    ...overrides,
  });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.config;
}

export interface TestApp extends Advocate {
  postDiscourse(event: string, body: unknown, options?: { eventId?: string; signature?: string; raw?: string }): Promise<Response>;
  postSlack(body: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  slashCommand(fields: Record<string, string>): Promise<Response>;
  interaction(payload: unknown): Promise<Response>;
  /** An activity into /api/messages, with a valid Bot Framework token unless one is given ("" for none). */
  postTeams(activity: unknown, token?: string): Promise<Response>;
  /** Runs the outbox until nothing is due within the next moments (short delays and back-offs included). */
  drain(): Promise<void>;
}

let shared: Promise<{ database: Database; schema: string | null }> | null = null;

function fileDatabase(config: Config): Promise<{ database: Database; schema: string | null }> {
  shared ??= (async () => {
    if (!config.DATABASE_URL) return { database: await connectDatabase({ kind: "pglite", dataDir: "memory://" }), schema: null };
    const schema = await createSchema(config.DATABASE_URL);
    return { database: await connectDatabase({ kind: "postgres", url: config.DATABASE_URL, schema }), schema };
  })();
  return shared;
}

/** Apps this file started and has not stopped. */
const running = new Set<() => Promise<void>>();

// Registered before any test file's own hooks, so it runs first among the afterAll hooks: the apps a file left
// running stop here (their work finishes) before the database they share closes under them.
afterAll(async () => {
  await Promise.all([...running].map((stop) => stop()));
  if (!shared) return;
  const { database, schema } = await shared;
  shared = null;
  await database.close();
  if (schema && process.env.DATABASE_URL) await dropSchema(process.env.DATABASE_URL, schema);
});

/** Every table but the migrations' own, emptied, with id sequences restarted. */
async function emptyDatabase(database: Database): Promise<void> {
  const tables = await database.sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length) await database.sql.exec(`TRUNCATE ${tables.map((table) => `"${table.name}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

export async function startTestApp(
  options: { env?: Record<string, string>; clock?: Clock; logger?: pino.Logger; backoffBaseMs?: number } = {},
): Promise<TestApp> {
  const config = testConfig(options.env);
  const { database } = await fileDatabase(config);
  await emptyDatabase(database);
  const app = await startAdvocate(config, {
    // ADVOCATE_TEST_LOG=debug shows what the app did (on stderr) when a test fails for reasons the assertions hide.
    logger: options.logger ?? pino({ level: process.env.ADVOCATE_TEST_LOG ?? "silent" }, pino.destination(2)),
    ...(options.clock ? { clock: options.clock } : {}),
    database,
    startWorker: false,
    startSchedules: false,
    paceMs: () => 0,
    backoffBaseMs: options.backoffBaseMs ?? 1,
  });
  let eventIds = 90000;
  let triggers = 0;
  let commands = 0;
  const nextTriggerId = () => `${Date.now()}.${++triggers}.5a7d0b1c2e3f4a5b6c7d8e9f0a1b2c3d`;
  // Handlers ack first and work after: a request "returns" once that work is done too.
  const postSlack = async (body: string, contentType: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}/slack/events`, { method: "POST", body, headers: { ...slackHeaders(body, contentType), ...headers } });
    await new Promise((resolve) => setImmediate(resolve));
    await app.idle();
    return response;
  };
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= app.stop().finally(() => running.delete(stop));
    return stopped;
  };
  running.add(stop);
  return {
    ...app,
    stop,
    postDiscourse(event, body, extra = {}) {
      const raw = extra.raw ?? JSON.stringify(body);
      return fetch(`${app.url}/webhooks/discourse`, {
        method: "POST",
        body: raw,
        headers: {
          "content-type": "application/json",
          "x-discourse-event": event,
          "x-discourse-event-type": event.split("_")[0] ?? "",
          "x-discourse-event-id": extra.eventId ?? String(eventIds++),
          "x-discourse-event-signature": extra.signature ?? discourseSignature(raw),
        },
      });
    },
    postSlack,
    // Slack gives every command and interaction a trigger id of its own, so no two are the same signed bytes.
    // The command is acked at once and answered at its response_url: what it posts there is returned as the reply
    // (the ack itself when it is refused before any handler runs, a 401 say).
    async slashCommand(fields) {
      const path = `/commands/T04VLT8RQ2M/${++commands}/${randomBytes(12).toString("hex")}`;
      const replies: unknown[] = [];
      const answered = nock(RESPONSE_URL_HOST)
        .post(path)
        .reply((_uri, body) => {
          replies.push(body);
          return [200, "ok"];
        });
      const ack = await postSlack(
        new URLSearchParams({ ...fields, response_url: `${RESPONSE_URL_HOST}${path}`, trigger_id: nextTriggerId() }).toString(),
        "application/x-www-form-urlencoded",
      );
      if (!answered.isDone()) {
        nock.removeInterceptor({ proto: "https", hostname: new URL(RESPONSE_URL_HOST).hostname, method: "POST", path });
        return ack;
      }
      return new Response(JSON.stringify(replies[0]), { status: ack.status, headers: { "content-type": "application/json" } });
    },
    interaction: (payload) =>
      postSlack(
        new URLSearchParams({ payload: JSON.stringify({ ...(payload as object), trigger_id: nextTriggerId() }) }).toString(),
        "application/x-www-form-urlencoded",
      ),
    postTeams(activity, token = channelToken()) {
      return fetch(`${app.url}/api/messages`, {
        method: "POST",
        body: typeof activity === "string" ? activity : JSON.stringify(activity),
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    },
    async drain() {
      // Generous: it returns as soon as nothing is due, and a loaded CI machine can be slow.
      const until = Date.now() + 20_000;
      for (;;) {
        await app.worker.drain();
        const soon = await app.db.prisma.outboxItem.count({
          where: { status: "pending", OR: [{ nextAttemptAt: { lte: new Date(Date.now() + 400) } }, { kind: "question.route" }] },
        });
        if (!soon || Date.now() > until) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

export async function createSchema(url: string): Promise<string> {
  const schema = `t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  return schema;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA "${schema}" CASCADE`);
  await client.end();
}
