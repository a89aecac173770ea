// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

export interface AiCallRecord {
  community: string;
  purpose: string;
  promptTokens: number;
  completionTokens: number;
  outcome: string;
  at: Date;
}

export interface AiRepo {
  record(call: AiCallRecord): Promise<void>;
  tokensSince(since: Date): Promise<number>;
  /** The admin's switch for a community; on unless turned off. */
  enabled(community: string): Promise<boolean>;
  setEnabled(community: string, enabled: boolean, by: string): Promise<void>;
}
