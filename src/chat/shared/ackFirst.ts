// Slack and Teams each give a request a few seconds to be answered (Slack 3 s, then an error for the person and a
// retry); the work after Slack's ack (a reply, a claim, a redraw) has minutes. On one event loop the after-work of
// earlier clicks ran between later clicks and their acks: under 50 clicks at once the acks took 1.6-1.8x a bare Bolt
// app at the median. So work that follows an ack starts once no request has waited for its answer for QUIET_MS, or
// after LONGEST_WAIT_MS whatever comes in, so a steady stream of clicks cannot hold it back for good.

/**
 * After-work waits at most this long for the requests in front of it to be answered: a modal must still open within
 * the 3 s its click's trigger_id lasts.
 */
export const LONGEST_WAIT_MS = 500;
/** Clients send their next request right after an answer: a burst is over once none came in for this long. */
export const QUIET_MS = 10;

export class AckFirst {
  #awaiting = 0;
  #arrivals = 0;
  #waiting = new Set<() => void>();

  /** A request someone waits to see answered came in; the function returned says it was answered (once is enough). */
  arrived(): () => void {
    this.#awaiting++;
    this.#arrivals++;
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      if (--this.#awaiting === 0 && this.#waiting.size) this.#startWhenQuiet();
    };
  }

  /** Resolves at once when nothing is answered or waits before it, else as the file's comment says. */
  afterAcks(): Promise<void> {
    if (this.#awaiting === 0 && this.#waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const start = () => {
        clearTimeout(timer);
        this.#waiting.delete(start);
        resolve();
      };
      const timer = setTimeout(start, LONGEST_WAIT_MS);
      this.#waiting.add(start);
      if (this.#awaiting === 0) this.#startWhenQuiet();
    });
  }

  #startWhenQuiet(): void {
    const arrivals = this.#arrivals;
    setTimeout(() => {
      if (this.#awaiting > 0 || this.#arrivals !== arrivals) return;
      for (const start of [...this.#waiting]) start();
    }, QUIET_MS);
  }
}
