// What running each kind of a feature's outbox work does. Returns a short outcome for the log; throws
// RetryableError or PermanentError for the worker to act on.
import type { CoreDeps } from "../deps";

export type JobHandler<Job> = (deps: CoreDeps, job: Job) => Promise<string>;

/** One handler for every kind of work a feature registered: a kind without one does not compile. */
export type JobHandlers<Job extends { kind: string }> = { [Kind in Job["kind"]]: JobHandler<Extract<Job, { kind: Kind }>> };
