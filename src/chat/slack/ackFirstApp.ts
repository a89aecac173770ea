// Bolt's App as Advocate runs it: every request's ack goes out as soon as its handler gives it, and the handler's
// work after the ack waits for the other requests in front of it to be acked (chat/shared/ackFirst.ts). It also
// counts the requests still being handled, so that shutdown lets them finish before the database closes (and
// tests can wait for the work after an ack).
import { App, type AppOptions } from "@slack/bolt";
import type { ReceiverEvent } from "@slack/bolt";
import type { AckFirst } from "../shared/ackFirst";

export class AckFirstApp extends App {
  readonly #acks: AckFirst;
  #running = 0;
  #idle: Array<() => void> = [];

  constructor(options: AppOptions, acks: AckFirst) {
    super(options);
    this.#acks = acks;
  }

  // Both receivers (HTTP and Socket Mode) hand each request here.
  override async processEvent(event: ReceiverEvent): Promise<void> {
    const answered = this.#acks.arrived();
    this.#running++;
    const ack: ReceiverEvent["ack"] = async (response) => {
      await event.ack(response);
      answered();
      await this.#acks.afterAcks();
    };
    try {
      await super.processEvent({ ...event, ack });
    } finally {
      answered();
      if (--this.#running === 0) for (const wake of this.#idle.splice(0)) wake();
    }
  }

  /** Resolves once no request is being handled. */
  idle(): Promise<void> {
    return this.#running === 0 ? Promise.resolve() : new Promise((resolve) => this.#idle.push(resolve));
  }
}
