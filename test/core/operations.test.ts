// The admins' operations view over a real outbox worked by the real worker: depth per lane, the items waiting, in
// flight and given up with their last error redacted, retrying a given-up item (and refusing anything else), the
// last signed webhook per community, and what /readyz computes.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { databaseReadiness } from "../../src/db/readiness";
import type { CoreDeps } from "../../src/core/deps";
import type { CommunityPort } from "../../src/core/ports";
import { operationsView, redactError, retryOutboxItem } from "../../src/core/operations";
import { PermanentError, RetryableError } from "../../src/core/kernel/errors";
import type { OutboxWorker } from "../../src/outbox/worker";
import { testWorker } from "../support/outboxWorker";
import { coreSettings, freshDatabase } from "../support/coreDeps";

let db: Database;
let deps: CoreDeps;
const admin = { surface: "slack", userId: "UADMIN" };
const employee = { surface: "teams", userId: "29:emp" };
const ready = () => databaseReadiness(db);

beforeAll(async () => {
  db = await freshDatabase();
  deps = {
    store: prismaStore(db.prisma),
    community: { name: "discourse" } as CommunityPort,
    chat: {},
    clock: { now: () => new Date() },
    settings: coreSettings({ adminIds: ["UADMIN"] }),
  };
});
afterAll(() => db.close());

/** The worker as the app builds it, running every item through `handle`. */
async function withWorker<T>(handle: () => Promise<string>, work: (worker: OutboxWorker) => Promise<T>): Promise<T> {
  const worker = testWorker(db, { handle });
  try {
    return await work(worker);
  } finally {
    await worker.stop();
  }
}

const enqueue = (lane: string) => deps.store.outbox.enqueue({ kind: "claims.expire" }, { lane });
const idOn = async (lane: string) => String((await db.prisma.outboxItem.findFirstOrThrow({ where: { lane } })).id);

test("lanes, items and their redacted errors as the worker left them; a given-up item retried runs again", async () => {
  await enqueue("slack:channel:CGONE");
  await withWorker(
    () => Promise.reject(new PermanentError("An API error occurred: not_in_channel (Authorization: Bearer xoxb-1111-2222-secretsecret)")),
    (worker) => worker.drain(),
  );
  await enqueue("community:discourse");
  await withWorker(
    () => Promise.reject(new RetryableError("Discourse 502 on GET /t/1.json?api_key=abcdef123456&api_username=system")),
    (worker) => worker.tick(),
  );
  // An attempt under way: begun, its lane leased, not ended.
  await enqueue("teams:user:29:slow");
  let entered: () => void = () => undefined;
  let finish: () => void = () => undefined;
  const begun = new Promise<void>((resolve) => (entered = resolve));
  const view = await withWorker(
    () => {
      entered();
      return new Promise<string>((resolve) => (finish = () => resolve("done")));
    },
    async (worker) => {
      const running = worker.tick();
      await begun;
      const seen = await operationsView(deps, admin, ready());
      finish();
      await running;
      return seen;
    },
  );
  if (!view.ok) throw new Error("refused");
  expect(view.readiness).toEqual({ ready: true, status: "ready", database: db.kind });
  expect(view.lanes).toEqual([
    { lane: "community:discourse", waiting: 1, inFlight: 0, givenUp: 0, leasedUntil: null },
    { lane: "slack:channel:CGONE", waiting: 0, inFlight: 0, givenUp: 1, leasedUntil: null },
    { lane: "teams:user:29:slow", waiting: 0, inFlight: 1, givenUp: 0, leasedUntil: expect.any(Date) },
  ]);
  expect(view.items.map(({ lane, state, attempts, lastError }) => ({ lane, state, attempts, lastError }))).toEqual([
    { lane: "teams:user:29:slow", state: "in_flight", attempts: 0, lastError: null },
    { lane: "community:discourse", state: "waiting", attempts: 1, lastError: "Discourse 502 on GET /t/1.json?api_key=[redacted]&api_username=system" },
    { lane: "slack:channel:CGONE", state: "given_up", attempts: 1, lastError: "An API error occurred: not_in_channel (Authorization: Bearer [redacted])" },
  ]);
  const waiting = view.items.find((item) => item.state === "waiting");
  expect(waiting?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

  // Only a given-up item goes round again, and only by an admin.
  const slow = await idOn("teams:user:29:slow");
  const gone = await idOn("slack:channel:CGONE");
  expect(await retryOutboxItem(deps, admin, slow)).toEqual({ ok: false, problem: "not_given_up", state: "done" });
  expect(await retryOutboxItem(deps, admin, await idOn("community:discourse"))).toEqual({ ok: false, problem: "not_given_up", state: "waiting" });
  expect(await retryOutboxItem(deps, admin, "999999")).toEqual({ ok: false, problem: "not_found" });
  expect(await retryOutboxItem(deps, admin, "1; DROP TABLE")).toEqual({ ok: false, problem: "not_found" });
  expect(await retryOutboxItem(deps, employee, gone)).toEqual({ ok: false, problem: "not_allowed" });
  expect(await db.prisma.outboxItem.findFirstOrThrow({ where: { id: BigInt(gone) } })).toMatchObject({ status: "dead" });

  const retried = await retryOutboxItem(deps, admin, gone);
  expect(retried).toMatchObject({ ok: true, item: { id: gone, state: "waiting", attempts: 0, kind: "claims.expire" } });
  expect(await db.prisma.outboxItem.findFirstOrThrow({ where: { id: BigInt(gone) } })).toMatchObject({
    status: "pending",
    attempts: 0,
    starts: 0,
    doneAt: null,
  });
  // Due at once: the next worker runs it.
  await withWorker(
    () => Promise.resolve("posted"),
    (worker) => worker.tick(),
  );
  expect(await db.prisma.outboxItem.findFirstOrThrow({ where: { id: BigInt(gone) } })).toMatchObject({ status: "done", attempts: 1 });

  const audit = await db.prisma.actionAudit.findMany({ where: { action: "outbox.retry" }, orderBy: { id: "asc" } });
  expect(audit.map(({ userId, subject, detail, allowed }) => ({ userId, subject, detail, allowed }))).toEqual([
    { userId: "29:emp", subject: `outbox:${gone}`, detail: null, allowed: false },
    {
      userId: "UADMIN",
      subject: `outbox:${gone}`,
      detail: "claims.expire on slack:channel:CGONE after 1 attempts: An API error occurred: not_in_channel (Authorization: Bearer [redacted])",
      allowed: true,
    },
  ]);
});

test("the last signed webhook per community: polled topics are not webhooks", async () => {
  const at = new Date("2026-11-20T09:00:00.000Z");
  const webhook = await deps.store.inbound.record({
    source: "discourse",
    deliveryId: "4411",
    businessKey: "topic_created:1",
    name: "topic_created",
    payload: {},
  });
  await db.prisma.inboundEvent.update({ where: { id: BigInt(webhook?.id ?? 0) }, data: { receivedAt: at } });
  await deps.store.inbound.record({ source: "discourse", deliveryId: "poll:2", businessKey: "topic_created:2", name: "topic_created", payload: {} });
  await deps.store.inbound.record({ source: "slack", deliveryId: "Ev1", businessKey: "Ev1", name: "app_mention", payload: {} });
  const view = await operationsView(deps, admin, ready());
  expect(view.ok && view.webhooks).toEqual([{ community: "discourse", lastAt: at }]);
});

test("the view is for admins; each look and each refusal is audited", async () => {
  await db.prisma.actionAudit.deleteMany();
  expect(await operationsView(deps, employee, ready())).toEqual({ ok: false, problem: "not_allowed" });
  await operationsView(deps, admin, ready());
  expect((await db.prisma.actionAudit.findMany({ orderBy: { id: "asc" } })).map(({ action, userId, allowed }) => [action, userId, allowed])).toEqual([
    ["operations.view", "29:emp", false],
    ["operations.view", "UADMIN", true],
  ]);
});

test("readiness says what /readyz says when migrations are missing", async () => {
  const [last] = await db.sql.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
  await db.sql.exec(`UPDATE "_prisma_migrations" SET migration_name = 'renamed' WHERE migration_name = '${last?.migration_name}'`);
  try {
    expect(await ready()()).toEqual({ ready: false, status: "migrations pending" });
  } finally {
    await db.sql.exec(`UPDATE "_prisma_migrations" SET migration_name = '${last?.migration_name}' WHERE migration_name = 'renamed'`);
  }
});

test("errors lose tokens and credentials, and are cut short", () => {
  expect(redactError("invalid_auth for xoxb-12345-67890-abcdefghij and xapp-1-A0-secret")).toBe("invalid_auth for [redacted] and [redacted]");
  expect(redactError("401 Incorrect API key provided: sk-proj-abc***********xyz.")).toBe("401 Incorrect API key provided: [redacted].");
  expect(redactError("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl rejected")).toBe("token [redacted] rejected");
  expect(redactError('{"client_secret":"s3cr3t","password": "hunter22"}')).toBe('{"client_secret":"[redacted]","password": "[redacted]"}');
  expect(redactError("the token expired; channel_not_found")).toBe("the token expired; channel_not_found");
  expect(redactError("x".repeat(1000))).toHaveLength(300);
  expect(redactError(null)).toBeNull();
});
