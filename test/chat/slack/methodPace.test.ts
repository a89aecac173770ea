// The bot's Web API client paces each method by its tier and honours a 429's Retry-After for that method alone.
import nock from "nock";
import { ErrorCode, WebClient } from "@slack/web-api";
import { PacedWebClient, type MethodPace } from "../../../src/chat/slack/methodPace";
import { RetryableError } from "../../../src/core/kernel/errors";

const API = "http://slack.test/api/";

function client(pace: (method: string) => MethodPace | undefined) {
  return new PacedWebClient("xoxb-test", { slackApiUrl: API, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }, pace);
}

afterEach(() => nock.cleanAll());

test("a method past its calls a minute is told when to come back, without calling Slack; other methods go on", async () => {
  const slack = nock("http://slack.test").post("/api/chat.update").times(2).reply(200, { ok: true }).post("/api/users.info").reply(200, { ok: true });
  const paced = client((method) => (method === "chat.update" ? { calls: 2, seconds: 60 } : undefined));
  await paced.chat.update({ channel: "C1", ts: "1.1", text: "a" });
  await paced.chat.update({ channel: "C1", ts: "1.1", text: "b" });
  const third = paced.chat.update({ channel: "C1", ts: "1.1", text: "c" });
  await expect(third).rejects.toBeInstanceOf(RetryableError);
  await expect(third).rejects.toMatchObject({ rateLimited: true, retryAfterMs: expect.any(Number) });
  expect(((await third.catch((error: RetryableError) => error)) as RetryableError).retryAfterMs).toBeGreaterThan(50_000);
  await paced.users.info({ user: "U1" });
  expect(slack.isDone()).toBe(true);
});

test("a 429 stops that method for its Retry-After; the next call of it does not reach Slack, another method does", async () => {
  const slack = nock("http://slack.test")
    .post("/api/views.publish")
    .reply(429, { ok: false, error: "ratelimited" }, { "Retry-After": "30" })
    .post("/api/users.info")
    .reply(200, { ok: true });
  const paced = client(() => ({ calls: 100, seconds: 60 }));
  await expect(paced.views.publish({ user_id: "U1", view: { type: "home", blocks: [] } })).rejects.toMatchObject({
    code: ErrorCode.RateLimitedError,
    retryAfter: 30,
  });
  const again = paced.views.publish({ user_id: "U1", view: { type: "home", blocks: [] } });
  await expect(again).rejects.toBeInstanceOf(RetryableError);
  expect(((await again.catch((error: RetryableError) => error)) as RetryableError).retryAfterMs).toBeGreaterThan(25_000);
  await paced.users.info({ user: "U1" });
  expect(slack.isDone()).toBe(true);
  expect(nock.pendingMocks()).toEqual([]);
});

test("a short wait for the method's turn is waited out, not sent back to the outbox", async () => {
  nock("http://slack.test").post("/api/chat.update").times(2).reply(200, { ok: true });
  // One call a second: the second waits for the next second instead of failing.
  const paced = client(() => ({ calls: 1, seconds: 1 }));
  const started = Date.now();
  await paced.chat.update({ channel: "C1", ts: "1.1", text: "a" });
  await paced.chat.update({ channel: "C1", ts: "1.1", text: "b" });
  expect(Date.now() - started).toBeGreaterThanOrEqual(900);
});

test("messages to one channel go out at least the channel's gap apart, counted as they go out; other channels do not wait", async () => {
  // On a clock of the test's own: what is checked is when each call leaves for Slack.
  jest.useFakeTimers();
  const start = Date.now();
  const sent: Array<[string, number]> = [];
  const slack = jest.spyOn(WebClient.prototype, "apiCall").mockImplementation(async (_method, options) => {
    sent.push([String(options?.channel), Date.now() - start]);
    return { ok: true };
  });
  try {
    const paced = new PacedWebClient("xoxb-test", { slackApiUrl: API, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }, () => undefined, 300);
    // Three to C1 at once (as attempts of one lane that got ready unevenly would), one to C2.
    const all = Promise.all(
      ["1", "2", "3"].map((text) => paced.chat.postMessage({ channel: "C1", text })).concat(paced.chat.postMessage({ channel: "C2", text: "other" })),
    );
    await jest.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([
      ["C1", 0],
      ["C2", 0],
    ]);
    await jest.advanceTimersByTimeAsync(299);
    expect(sent).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent.at(-1)).toEqual(["C1", 300]);
    await jest.advanceTimersByTimeAsync(299);
    expect(sent).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent.at(-1)).toEqual(["C1", 600]);
    await all;
  } finally {
    slack.mockRestore();
    jest.useRealTimers();
  }
});

test("a channel whose next turn is further off than a short wait is sent back to the outbox, not waited for", async () => {
  nock("http://slack.test").post("/api/chat.postMessage").reply(200, { ok: true });
  const paced = new PacedWebClient("xoxb-test", { slackApiUrl: API, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }, () => undefined, 5000);
  await paced.chat.postMessage({ channel: "C1", text: "1" });
  const second = paced.chat.postMessage({ channel: "C1", text: "2" });
  await expect(second).rejects.toBeInstanceOf(RetryableError);
  expect(((await second.catch((error: RetryableError) => error)) as RetryableError).retryAfterMs).toBeGreaterThan(4000);
});
