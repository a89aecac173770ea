// Work was committed to the outbox: the store says so, the worker listens. The two are built apart (the worker
// runs the core, the core writes through the store), so this is how the one wakes the other without either
// holding the other.
import { EventEmitter } from "node:events";

export class EnqueuedSignal {
  private readonly events = new EventEmitter();

  notify(): void {
    this.events.emit("enqueued");
  }

  /** Returns the way to stop listening. */
  listen(listener: () => void): () => void {
    this.events.on("enqueued", listener);
    return () => this.events.off("enqueued", listener);
  }
}
