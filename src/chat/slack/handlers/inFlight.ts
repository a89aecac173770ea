// Counts handlers still working after their ack, so that shutdown can let them finish
// before the database closes (and tests can wait for "after the ack" work).
import type { App } from "@slack/bolt";

export interface InFlight {
  idle(): Promise<void>;
}

export function trackInFlight(app: App): InFlight {
  let running = 0;
  let waiters: Array<() => void> = [];
  app.use(async ({ next }) => {
    running++;
    try {
      await next();
    } finally {
      running--;
      if (running === 0) {
        for (const wake of waiters) wake();
        waiters = [];
      }
    }
  });
  return {
    idle: () => (running === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
