// The worker's lanes each keep their own pace: a slow item in one lane holds up no other lane, and a paced lane's
// next item starts when its gap is over, not when the slowest lane claimed with it ends.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import type { OutboxMessage } from "../../src/core/outbox/messages";
import type { CoreStore } from "../../src/core/deps";
import { freshDatabase } from "../support/coreDeps";
import { testWorker } from "../support/outboxWorker";

const PACE_MS = 100;
const SLOW_MS = 1500;
let db: Database;

beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db.close();
});

test("a slow item in one lane holds up none of another lane's paced items", async () => {
  const store: CoreStore = prismaStore(db.prisma);
  await store.outbox.enqueue({ kind: "chat.postCard", cardId: "slow" }, { lane: "test:slow" });
  for (const cardId of ["p1", "p2", "p3", "p4"]) await store.outbox.enqueue({ kind: "chat.postCard", cardId }, { lane: "test:paced" });

  const started = new Map<string, number>();
  const ended = new Map<string, number>();
  const handle = async (message: OutboxMessage) => {
    const cardId = message.kind === "chat.postCard" ? message.cardId : "?";
    started.set(cardId, Date.now());
    if (cardId === "slow") await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
    ended.set(cardId, Date.now());
    return "done";
  };
  const worker = testWorker(db, {
    handle,
    paceMs: (lane) => (lane === "test:paced" ? PACE_MS : 0),
    pollMs: 5000,
    backoffBaseMs: 10,
    backoffCapMs: 100,
  });
  await worker.start();
  try {
    const deadline = Date.now() + 10_000;
    while (ended.size < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    await worker.stop();
  }

  const paced = ["p1", "p2", "p3", "p4"].map((cardId) => started.get(cardId) ?? Infinity);
  // All four ran, in order, each at least its pace after the one before...
  expect(paced.every(Number.isFinite)).toBe(true);
  for (let i = 1; i < paced.length; i++) expect(paced[i]! - paced[i - 1]!).toBeGreaterThanOrEqual(PACE_MS - 5);
  // ...and all while the slow item was still running (one lane claimed with it would have waited for its end).
  expect(ended.get("p4")).toBeLessThan(ended.get("slow") ?? 0);
});
