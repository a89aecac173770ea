// The order in which the embedded database's one session serves what is waiting. PostgreSQL gives each request a
// connection of its own; PGlite has one session, and in first-come order a click queued behind the outbox's
// backlog (measured: 3-10 s behind the aftermath of 600 Slack clicks). So a person goes first, the outbox's work
// once no person waits, and none of it waits longer than AGED_MS; an open transaction keeps the session to itself.
import type { ThreadRequest } from "./threadMessages";

/** Background work waiting this long goes first anyway: a steady stream of clicks must not stall the outbox. */
export const AGED_MS = 1000;

interface Waiting {
  request: ThreadRequest;
  since: number;
}

export class SessionQueue {
  readonly #waiting: Waiting[] = [];
  #transaction: number | null = null;

  add(request: ThreadRequest, now: number): void {
    this.#waiting.push({ request, since: now });
  }

  /** The next request to run, or none (nothing waits, or the open transaction's next statement has not come yet). */
  next(now: number): ThreadRequest | undefined {
    const index = this.#pick(now);
    if (index < 0) return undefined;
    const [{ request }] = this.#waiting.splice(index, 1) as [Waiting];
    if (request.transaction?.boundary === "opens") this.#transaction = request.transaction.id;
    if (request.transaction?.boundary === "ends") this.#transaction = null;
    return request;
  }

  #pick(now: number): number {
    const open = this.#transaction;
    if (open !== null) return this.#waiting.findIndex(({ request }) => request.transaction?.id === open);
    const aged = this.#waiting.findIndex(({ request, since }) => request.priority === "background" && now - since >= AGED_MS);
    if (aged >= 0) return aged;
    const person = this.#waiting.findIndex(({ request }) => request.priority === "person");
    return person >= 0 ? person : this.#waiting.length ? 0 : -1;
  }
}
