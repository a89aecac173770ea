// Redraws coalesce: a card clicked a hundred times is redrawn from its latest state once, not a hundred paced times.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import type { CoreStore } from "../../src/core/deps";
import { memoryDatabase } from "../support/coreDeps";

let db: Database;
let store: CoreStore;

beforeAll(async () => {
  db = await memoryDatabase();
  store = prismaStore(db.prisma);
});
afterAll(async () => {
  await db.close();
});

const pending = async (lane: string) =>
  (await db.prisma.outboxItem.findMany({ where: { lane, status: "pending" }, orderBy: { id: "asc" } })).map((item) => item.payload);

test("the same redraw waiting behind the lane's head is not queued again; the head itself may already be running", async () => {
  const lane = "slack:channel:C1";
  const redraw = (cardId: string) => store.outbox.enqueue({ kind: "chat.refreshCard", cardId }, { lane, coalesce: true });
  await redraw("card-1"); // the head: a worker may be drawing it from the state before the next click
  await redraw("card-1"); // so this one is kept, to draw the newer state
  await redraw("card-1");
  await redraw("card-1");
  await redraw("card-2");
  expect(await pending(lane)).toEqual([
    { kind: "chat.refreshCard", cardId: "card-1" },
    { kind: "chat.refreshCard", cardId: "card-1" },
    { kind: "chat.refreshCard", cardId: "card-2" },
  ]);
  // Work that is not a redraw is never coalesced.
  await store.outbox.enqueue({ kind: "chat.refreshCard", cardId: "card-2" }, { lane });
  expect(await pending(lane)).toHaveLength(4);
});
