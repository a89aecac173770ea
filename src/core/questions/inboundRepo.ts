// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

export interface InboundRepo {
  /** Stores an external event once; false when its delivery id or business key was seen before. */
  record(event: { source: string; deliveryId: string; businessKey: string; name: string; payload: unknown }): Promise<{ id: string } | null>;
  markProcessed(id: string, outcome: string): Promise<void>;
}
