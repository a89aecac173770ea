// Bot Connector failures mapped to the outbox's terms. Teams throttles (429), and answers 412, 502 and 504
// under load: all of those are worth another try later; other 4xx will not get better.
import { PermanentError, RetryableError } from "../../core/kernel/errors";

const RETRY_STATUSES = new Set([408, 412, 429, 500, 502, 503, 504]);

interface ConnectorFailure {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined | null } };
}

export function teamsError(error: unknown): Error {
  if (error instanceof RetryableError || error instanceof PermanentError) return error;
  const failure = (error ?? {}) as ConnectorFailure;
  const status = failure.statusCode;
  if (status === undefined) return new RetryableError(`Teams unreachable: ${failure.message ?? String(error)}`);
  if (status === 429) {
    const seconds = Number(failure.response?.headers?.get?.("retry-after"));
    return new RetryableError("Teams rate limit", Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined, true);
  }
  if (RETRY_STATUSES.has(status) || status >= 500) return new RetryableError(`Teams HTTP ${status}`);
  return new PermanentError(`Teams HTTP ${status}`, failure.code ?? `HTTP ${status}`);
}
