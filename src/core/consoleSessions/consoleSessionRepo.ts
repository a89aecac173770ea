// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.

/** A signed-in console session, as kept: the hash of the browser's token, never the token. */
export interface ConsoleSessionRecord {
  tokenHash: string;
  employeeId: string;
  csrfToken: string;
  provider: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface ConsoleSessionRepo {
  create(session: ConsoleSessionRecord): Promise<void>;
  byTokenHash(tokenHash: string): Promise<ConsoleSessionRecord | null>;
  touch(tokenHash: string, lastSeenAt: Date): Promise<void>;
  /** Ends a session (sign-out, or found expired); nothing when it is gone already. */
  remove(tokenHash: string): Promise<void>;
  /** Sessions that expired before `now`, removed; how many. */
  removeExpired(now: Date): Promise<number>;
}
