// Work nobody is waiting for, told apart from a person's: the embedded database serves a person first
// (sessionQueue.ts). Marked by the runtime around the outbox's work; everything else counts as a person's.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Priority } from "./threadMessages";

const background = new AsyncLocalStorage<true>();

export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

export function currentPriority(): Priority {
  return background.getStore() ? "background" : "person";
}
