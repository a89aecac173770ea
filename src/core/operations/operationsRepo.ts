// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

/** The outbox as operators see it, and the one change they may make to it. */
export interface OperationsRepo {
  /** Lanes with unfinished work (waiting or given up), by name. */
  laneDepths(): Promise<LaneDepth[]>;
  /** Items waiting or given up, the most recent first, at most `limit`. */
  unfinished(limit: number): Promise<OutboxItemState[]>;
  /** A given-up item waits again, due at once, with a fresh count of attempts; what it was, or why not. */
  retry(id: string): Promise<{ retried: OutboxItemState } | { refused: "not_found" } | { refused: "not_given_up"; state: OutboxItemState["state"] | "done" }>;
  /** When a community's last signed webhook was taken in (polled topics not counted); null when none is kept. */
  lastWebhook(community: string): Promise<Date | null>;
}

export interface LaneDepth {
  lane: string;
  /** Due or waiting for its time (back-off, pacing), not being run. */
  waiting: number;
  /** Being run now: begun, within the lane's lease. */
  inFlight: number;
  givenUp: number;
  /** Whose lease holds the lane until when; null when no worker holds it. */
  leasedUntil: Date | null;
}

export interface OutboxItemState {
  id: string;
  kind: string;
  lane: string;
  state: "waiting" | "in_flight" | "given_up";
  /** Attempts that ended (the worker gives up after a number of them). */
  attempts: number;
  nextAttemptAt: Date;
  /** As the worker recorded it: the raw text, which the use case trims and redacts before anyone sees it. */
  lastError: string | null;
  createdAt: Date;
  /** When it was given up. */
  doneAt: Date | null;
}
