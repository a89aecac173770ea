// The HTTP edge as an unauthenticated caller meets it: a malformed encoding, a broken gzip body or an oversized
// body gets its status and a short reason with a request id, never a stack or a path; a client that trickles its
// request head is cut off by our own timeout, not Node's 83 s.
import { connect } from "node:net";
import { gzipSync } from "node:zlib";
import { startTestApp, type TestApp } from "../support/testApp";
import { SERVER_LIMITS } from "../../src/http/serverLimits";

jest.setTimeout(60_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const cases: Array<{ name: string; headers: Record<string, string>; body: string | Buffer; status: number }> = [
  { name: "an unknown content encoding", headers: { "content-encoding": "foo" }, body: "{}", status: 415 },
  { name: "a body that is not gzip", headers: { "content-encoding": "gzip" }, body: "not gzip at all", status: 400 },
  { name: "a gzip bomb", headers: { "content-encoding": "gzip" }, body: gzipSync(Buffer.alloc(30_000_000)), status: 413 },
  // Twice the 1 MB limit: enough to be refused, small enough to be sent whole before the refusal closes the
  // connection (25 MB on a loaded machine was still being sent, and the client saw a reset instead of the 413).
  { name: "an oversized body", headers: {}, body: "x".repeat(2_000_000), status: 413 },
];

describe.each(["/webhooks/discourse", "/slack/events"])("%s", (path) => {
  test.each(cases)("$name: $status with a reason and a request id, no stack or path", async ({ headers, body, status }) => {
    const response = await fetch(`${app.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    expect(response.status).toBe(status);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: expect.any(String), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(text).not.toMatch(/node_modules|\/work\/|\bat \w|Error:/);
  });
});

test("the server keeps its own limits on slow and many clients", () => {
  expect(app.server.headersTimeout).toBe(SERVER_LIMITS.headersTimeoutMs);
  expect(app.server.requestTimeout).toBe(SERVER_LIMITS.requestTimeoutMs);
  expect(app.server.keepAliveTimeout).toBe(SERVER_LIMITS.keepAliveTimeoutMs);
  expect(app.server.maxConnections).toBe(SERVER_LIMITS.maxConnections);
});

test("a client trickling its request head a header every 2 s is cut off after the head timeout", async () => {
  const { port } = new URL(app.url);
  const socket = connect(Number(port), "127.0.0.1");
  const started = Date.now();
  const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now() - started)));
  // Read what the server says, or the socket only closes once a later write of ours fails (seconds later).
  let answer = "";
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
  socket.on("error", () => undefined);
  socket.write("POST /webhooks/discourse HTTP/1.1\r\nHost: x\r\n");
  const trickle = setInterval(() => socket.write(`X-Slow-${Date.now()}: 1\r\n`), 2000);
  const after = await closed;
  clearInterval(trickle);
  expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  expect(after).toBeGreaterThanOrEqual(SERVER_LIMITS.headersTimeoutMs - 1000);
  // Node checks its timers about once a second and closes on the next write: seconds, not the 83 s of its defaults.
  expect(after).toBeLessThan(SERVER_LIMITS.headersTimeoutMs + 6000);
});
