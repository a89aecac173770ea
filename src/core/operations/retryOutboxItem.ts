// An admin sends a given-up outbox item round again: it waits at once, at the head of its lane's order (it is the
// oldest there), and the worker wakes for it. Its attempts start from zero: it was given up after the worker's
// whole allowance (or after the process died during it again and again), so with its count kept it would be given
// up after one more failure, or at once, unrun; the audit row keeps the count and the error it had.
import type { CoreDeps } from "../deps";
import { authorisedChange, type Actor, type Refused } from "../policy";
import type { OutboxItemState } from "./operationsRepo";
import { redactError } from "./redactError";

export type RetryOutcome =
  { ok: true; item: OutboxItemState } | { ok: false; problem: "not_found" } | { ok: false; problem: "not_given_up"; state: OutboxItemState["state"] | "done" };

export function retryOutboxItem(deps: Pick<CoreDeps, "store" | "clock" | "settings">, who: Actor, id: string): Promise<RetryOutcome | Refused> {
  const subject = `outbox:${id}`;
  return authorisedChange<RetryOutcome>(deps, who, "outbox.retry", { subject }, async (tx) => {
    if (!/^\d{1,19}$/.test(id)) return { outcome: { ok: false, problem: "not_found" }, audit: null };
    const result = await tx.operations.retry(id);
    if ("refused" in result) {
      const outcome: RetryOutcome =
        result.refused === "not_found" ? { ok: false, problem: "not_found" } : { ok: false, problem: "not_given_up", state: result.state };
      return { outcome, audit: null };
    }
    const was = result.retried;
    return {
      outcome: { ok: true, item: { ...was, state: "waiting", attempts: 0, lastError: redactError(was.lastError) } },
      audit: { subject, detail: `${was.kind} on ${was.lane} after ${was.attempts} attempts: ${redactError(was.lastError) ?? "no error recorded"}` },
    };
  });
}
