// The order between acks and the work after them, on a clock of its own: after-work starts once no request has
// waited for its answer for QUIET_MS, and after LONGEST_WAIT_MS in any case.
import { AckFirst, LONGEST_WAIT_MS, QUIET_MS } from "../../src/chat/shared/ackFirst";

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function started(promise: Promise<void>): () => boolean {
  let done = false;
  void promise.then(() => (done = true));
  return () => done;
}

test("with nothing to answer, after-work starts at once", async () => {
  const isStarted = started(new AckFirst().afterAcks());
  await Promise.resolve();
  expect(isStarted()).toBe(true);
});

test("it waits while a request waits for its answer, and while requests keep coming", async () => {
  const acks = new AckFirst();
  const first = acks.arrived();
  const isStarted = started(acks.afterAcks());
  await jest.advanceTimersByTimeAsync(100);
  expect(isStarted()).toBe(false);
  first();
  await jest.advanceTimersByTimeAsync(QUIET_MS - 1);
  // The next request of the burst comes in before the quiet time is over.
  const second = acks.arrived();
  await jest.advanceTimersByTimeAsync(QUIET_MS);
  expect(isStarted()).toBe(false);
  second();
  await jest.advanceTimersByTimeAsync(QUIET_MS);
  expect(isStarted()).toBe(true);
});

test("it waits no longer than LONGEST_WAIT_MS", async () => {
  const acks = new AckFirst();
  acks.arrived();
  const isStarted = started(acks.afterAcks());
  await jest.advanceTimersByTimeAsync(LONGEST_WAIT_MS - 1);
  expect(isStarted()).toBe(false);
  await jest.advanceTimersByTimeAsync(1);
  expect(isStarted()).toBe(true);
});

test("work after an ack queues behind work already waiting, even once nothing is left to answer", async () => {
  const acks = new AckFirst();
  const answered = acks.arrived();
  const earlier = started(acks.afterAcks());
  answered();
  const later = started(acks.afterAcks());
  await Promise.resolve();
  expect([earlier(), later()]).toEqual([false, false]);
  await jest.advanceTimersByTimeAsync(QUIET_MS);
  expect([earlier(), later()]).toEqual([true, true]);
});
