// Socket Mode end to end: the real Bolt SocketModeReceiver asks the (fake) Web API for a connection URL with
// the app token, connects to a local WebSocket server standing in for Slack's, and handles the envelopes it sends.
import type { AddressInfo } from "node:net";
import nock from "nock";
import pino from "pino";
import WebSocket from "ws";
import { fixture } from "../support/fixtures";
import { SLACK_API, startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack, captureResponseUrls } from "../support/slackApi";
import { PRIYA, buttonClick, slashCommand } from "../support/slackPayloads";
import { drainUntil, routedCard } from "../support/scenario";

const APP_TOKEN = "xapp-1-A07ADVC8Q1Z-8011230000001-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const APP_ID = "A07ADVC8Q1Z";

/** What the app sends back on the socket for an envelope. */
interface Ack {
  envelope_id: string;
  payload?: Record<string, any>;
}

interface Connection {
  /** Path and query the client connected to. */
  url: string;
  socket: WebSocket;
  /** Resolves with the close code once the connection is closed. */
  closed: Promise<number>;
}

/** Slack's side of Socket Mode: says hello on each connection, sends envelopes, collects the acks. */
class FakeSocketModeServer {
  readonly connections: Connection[] = [];
  readonly acks: Ack[] = [];
  private readonly waiters = new Map<string, (ack: Ack) => void>();
  private server: WebSocket.Server | undefined;
  private envelopes = 0;
  private tickets = 0;

  async start(): Promise<void> {
    const server = new WebSocket.Server({ host: "127.0.0.1", port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    server.on("connection", (socket, request) => {
      const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
      this.connections.push({ url: request.url ?? "", socket, closed });
      socket.on("message", (data) => {
        const ack = JSON.parse(String(data)) as Ack;
        this.acks.push(ack);
        this.waiters.get(ack.envelope_id)?.(ack);
      });
      socket.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "applink-test-1", build_number: 118, approximate_connection_time: 18060 },
          connection_info: { app_id: APP_ID },
        }),
      );
    });
  }

  /** A fresh URL per apps.connections.open, as Slack gives (a new ticket each time). */
  nextUrl(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/link/?ticket=ticket-${++this.tickets}&app_id=${APP_ID}`;
  }

  /** Sends one envelope on the newest connection; resolves with the app's ack for it. */
  send(type: "slash_commands" | "interactive" | "events_api", payload: unknown, extra: Record<string, unknown> = {}): Promise<Ack> {
    const envelopeId = `0b2c4e6f-8a1d-4c3e-9f5a-${String(++this.envelopes).padStart(12, "0")}`;
    const socket = this.connections.at(-1)?.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) throw new Error("no open Socket Mode connection");
    const acked = new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${type} envelope ${envelopeId} within 5 s`)), 5000);
      this.waiters.set(envelopeId, (ack) => {
        clearTimeout(timer);
        this.waiters.delete(envelopeId);
        resolve(ack);
      });
    });
    socket.send(JSON.stringify({ envelope_id: envelopeId, payload, type, accepts_response_payload: type === "slash_commands", ...extra }));
    return acked;
  }

  /** Slack recycling the connection (it does so every few hours). */
  askToReconnect(): void {
    this.connections.at(-1)?.socket.send(JSON.stringify({ type: "disconnect", reason: "refresh_requested", debug_info: { host: "applink-test-1" } }));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => (this.server ? this.server.close((error) => (error ? reject(error) : resolve())) : resolve()));
  }
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function within<T>(promise: Promise<T>, what: string, timeoutMs = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const socketServer = new FakeSocketModeServer();
/** Authorization headers of the apps.connections.open calls. */
const connectionsOpened: Array<string | undefined> = [];
const logs: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
let app: TestApp;
let slack: FakeSlack;
let stopped = false;

beforeAll(async () => {
  await socketServer.start();
  const api = new URL(SLACK_API);
  // Registered before FakeSlack's catch-all, so this one answers apps.connections.open.
  nock(api.origin)
    .persist()
    .post(`${api.pathname}apps.connections.open`)
    .reply(function () {
      connectionsOpened.push(this.req.headers.authorization as string | undefined);
      return [200, { ok: true, url: socketServer.nextUrl() }];
    });
  slack = new FakeSlack().listen();
  captureResponseUrls();
  const logger = pino({ level: "info" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  // Resolves once the socket is open and Slack said hello.
  app = await startTestApp({ env: { SLACK_APP_TOKEN: APP_TOKEN }, logger });
});

afterAll(async () => {
  if (app && !stopped) await app.stop();
  await socketServer.close();
  nock.cleanAll();
});

test("start opens the socket through apps.connections.open, with the app token, on the configured Web API", () => {
  expect(connectionsOpened).toEqual([`Bearer ${APP_TOKEN}`]);
  expect(socketServer.connections).toHaveLength(1);
  expect(socketServer.connections[0]?.url).toBe(`/link/?ticket=ticket-1&app_id=${APP_ID}`);
});

let commands = 0;

/** A command over the socket: acked empty at once; its reply is what the app then posts at its response_url. */
async function command(text: string, user?: string): Promise<Record<string, any>> {
  const path = `/commands/T04VLT8RQ2M/${++commands}/socket`;
  let reply: Record<string, any> | undefined;
  nock("https://hooks.slack.com")
    .post(path)
    .reply((_uri, body) => {
      reply = body as Record<string, any>;
      return [200, "ok"];
    });
  const ack = await socketServer.send("slash_commands", { ...slashCommand(text, user), response_url: `https://hooks.slack.com${path}` });
  expect(ack.payload ?? {}).toEqual({});
  await waitFor("the command's reply", () => reply !== undefined);
  return reply!;
}

test("/advocate help arrives as a slash_commands envelope: acked at once, the ephemeral help at its response_url", async () => {
  const reply = await command("help");
  expect(reply).toMatchObject({ response_type: "ephemeral" });
  expect(reply.text).toContain("Advocate brings customer questions from the community into chat");
  expect(reply.text).toContain("/advocate points");
  expect(reply.text).not.toContain("route add");
  expect(JSON.stringify(reply.blocks)).toContain("/advocate leaderboard");

  const admin = await command("help", "UADMIN001");
  expect(admin.text).toContain("/advocate route add");
});

test("app_home_opened arrives as an events_api envelope: acked empty, the home is published once even when Slack redelivers it", async () => {
  const event = fixture<Record<string, any>>("slack/app_home_opened.json");
  const first = await socketServer.send("events_api", event, { retry_attempt: 0, retry_reason: "" });
  expect(first.payload ?? {}).toEqual({});
  await drainUntil(app, async () => slack.of("views.publish").length > 0);

  // Slack redelivers an event it thinks we missed: new envelope, same event_id.
  const again = await socketServer.send("events_api", event, { retry_attempt: 1, retry_reason: "timeout" });
  expect(again.envelope_id).not.toBe(first.envelope_id);
  expect(again.payload ?? {}).toEqual({});
  await waitFor("duplicate noticed", () => logs.some((line) => line.msg === "duplicate Slack event ignored" && line.eventId === event.event_id));
  await app.idle();
  await app.drain();

  const published = slack.of("views.publish");
  expect(published).toHaveLength(1);
  expect(published[0]?.body.user_id).toBe(PRIYA);
  expect(published[0]?.authorization).toBe("Bearer xoxb-test-token-123");
  expect(JSON.parse(String(published[0]?.body.view))).toMatchObject({ type: "home" });
  expect(await app.db.prisma.inboundEvent.count({ where: { source: "slack", deliveryId: event.event_id } })).toBe(1);
});

test("a card button arrives as an interactive envelope: acked, and the modal opens with its trigger_id", async () => {
  const ts = await routedCard(app);
  const click = buttonClick("advocate_answer", ts);
  const ack = await socketServer.send("interactive", click);
  expect(ack.payload ?? {}).toEqual({});
  await waitFor("views.open", () => slack.of("views.open").length > 0);
  const open = slack.of("views.open")[0]!;
  expect(open.body.trigger_id).toBe(click.trigger_id);
  expect(open.authorization).toBe("Bearer xoxb-test-token-123");
  // Not linked yet: the modal asks to link first.
  expect(slack.blocksText(open)).toContain("/advocate link");
});

test("when Slack asks to refresh the connection, the app reconnects with a fresh URL and keeps working", async () => {
  const old = socketServer.connections.at(-1)!;
  socketServer.askToReconnect();
  expect(await within(old.closed, "old connection closed")).toBe(1000);
  // The client waits its clientPingTimeout (5 s) before reconnecting.
  await waitFor("reconnected", () => socketServer.connections.length === 2, 12000);
  expect(connectionsOpened).toEqual([`Bearer ${APP_TOKEN}`, `Bearer ${APP_TOKEN}`]);
  expect(socketServer.connections[1]?.url).toBe(`/link/?ticket=ticket-2&app_id=${APP_ID}`);
  // Envelopes go over the new connection.
  expect((await command("help")).text).toContain("Advocate brings customer questions");
}, 20000);

test("stop closes the socket with a normal closure and does not reconnect; no handler failed along the way", async () => {
  const connection = socketServer.connections.at(-1)!;
  await app.stop();
  stopped = true;
  expect(await within(connection.closed, "socket closed after stop")).toBe(1000);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(socketServer.connections.filter((c) => c.socket.readyState !== WebSocket.CLOSED)).toHaveLength(0);
  expect(connectionsOpened.length).toBe(socketServer.connections.length);
  expect(logs.filter((line) => line.level >= 50)).toEqual([]);
});
