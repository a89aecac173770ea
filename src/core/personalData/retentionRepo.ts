// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

/** Drops what is only kept for a while: processed inbound events and outbox work that is done. */
export interface RetentionRepo {
  sweep(before: Date): Promise<{ inboundEvents: number; outboxItems: number }>;
}
