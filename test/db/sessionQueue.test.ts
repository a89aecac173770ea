// The embedded database's one session: a person's statement goes before the outbox's backlog, the backlog is not
// starved, and an open transaction keeps the session until it ends.
import { AGED_MS, SessionQueue } from "../../src/db/embedded/sessionQueue";
import type { InTransaction, Priority, ThreadRequest } from "../../src/db/embedded/threadMessages";

let ids = 0;
const statement = (priority: Priority, transaction?: InTransaction): ThreadRequest => ({ id: ++ids, op: "exec", sql: `-- ${ids}`, priority, transaction });
const drain = (queue: SessionQueue, now: number) => {
  const order: number[] = [];
  for (let next = queue.next(now); next; next = queue.next(now)) order.push(next.id);
  return order;
};

it("serves a person before the background work that came first, each kind in its order of arrival", () => {
  const queue = new SessionQueue();
  const [b1, b2, p1, p2] = [statement("background"), statement("background"), statement("person"), statement("person")];
  for (const request of [b1, b2, p1, p2]) queue.add(request, 0);
  expect(drain(queue, 10)).toEqual([p1.id, p2.id, b1.id, b2.id]);
});

it("lets background work that has waited AGED_MS go first, so a stream of clicks cannot stall the outbox", () => {
  const queue = new SessionQueue();
  const old = statement("background");
  queue.add(old, 0);
  const person = statement("person");
  queue.add(person, AGED_MS - 1);
  expect(queue.next(AGED_MS - 1)?.id).toBe(person.id);
  queue.add(statement("person"), AGED_MS);
  expect(queue.next(AGED_MS)?.id).toBe(old.id);
});

it("runs nothing else while a transaction is open, even a person's, and waits for its next statement", () => {
  const queue = new SessionQueue();
  const begin = statement("background", { id: 7, boundary: "opens" });
  queue.add(begin, 0);
  expect(queue.next(0)?.id).toBe(begin.id);
  const person = statement("person");
  queue.add(person, 1);
  expect(queue.next(1)).toBeUndefined();
  const inside = statement("background", { id: 7 });
  const commit = statement("background", { id: 7, boundary: "ends" });
  queue.add(inside, 2);
  expect(queue.next(2)?.id).toBe(inside.id);
  queue.add(commit, 3);
  expect(drain(queue, 3)).toEqual([commit.id, person.id]);
});
