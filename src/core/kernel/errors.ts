/** A delivery that may succeed later (rate limit, outage). `retryAfterMs` comes from the peer when it says so. */
export class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    /** The peer rate-limited us: the whole lane waits, not just this item. */
    readonly rateLimited = false,
  ) {
    super(message);
    this.name = "RetryableError";
  }
}

/** A delivery that will never succeed as sent (validation error, unknown channel). */
export class PermanentError extends Error {
  constructor(
    message: string,
    /** The peer's own reason, safe to show the employee (e.g. "Body is too short"). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = "PermanentError";
  }
}
