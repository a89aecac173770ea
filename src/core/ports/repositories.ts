// The repositories the chat and outbox adapters share with the core: durable work, and how a chat reaches people.

/** Durable work: a kind and its payload. Each kind's schema and handler are registered in core/outbox. */
export interface OutboxJob {
  readonly kind: string;
}

export interface OutboxRepo<Job extends OutboxJob = OutboxJob> {
  /**
   * Durable work; with a dedupe key, a second enqueue of the same work is a no-op. With `coalesce`, the same
   * message already waiting in the lane (not yet started) makes this one a no-op: for redraws, which always show
   * the latest state, so a hundred clicks on one card make one update, not a hundred paced ones. With `expedite`,
   * the same work (by dedupe key) already waiting for a later time is due after `delayMs` instead.
   */
  enqueue(message: Job, options: { lane: string; dedupeKey?: string; delayMs?: number; coalesce?: boolean; expedite?: boolean }): Promise<void>;
}

/** How a chat surface reaches a channel or a person later (Teams conversation references); opaque to the core. */
export interface AddressRepo {
  get(surface: string, kind: "channel" | "user", externalId: string): Promise<unknown>;
  save(surface: string, kind: "channel" | "user", externalId: string, reference: object): Promise<void>;
  /** Every address of a kind, for finding a channel by its name. */
  list(surface: string, kind: "channel" | "user"): Promise<Array<{ externalId: string; reference: unknown }>>;
}

/** Files waiting for their recipient's consent (where a chat asks for it before taking a file). */
export interface FileOfferRepo {
  create(offer: { surface: string; userId: string; filename: string; content: Buffer }): Promise<string>;
  byId(id: string): Promise<FileOffer | null>;
  delivered(id: string, at: Date): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface FileOffer {
  id: string;
  surface: string;
  userId: string;
  filename: string;
  content: Buffer;
  createdAt: Date;
  deliveredAt: Date | null;
}
