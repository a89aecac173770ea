// Slack's request signature, checked on the raw bytes before anything reads them, with a window in both
// directions (Bolt's own check refuses only the stale) and each command's or interaction's signature taken once
// within it, so a captured one cannot be sent again. Bolt checks the signature once more after this; that costs one HMAC.
import { verifySlackRequest } from "@slack/bolt";

/** Slack's window: a request signed more than this away from our clock, either way, is refused. */
export const SLACK_WINDOW_SECONDS = 300;

/** A request is new, a repeat of one already taken (acknowledged, not run again), or refused. */
export type SignatureVerdict = { ok: true } | { ok: false; repeat: true } | { ok: false; repeat: false; reason: string };

export class SlackSignatureCheck {
  /** Signatures seen within the window, with when each may be forgotten (ms). In memory: per replica. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly signingSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  check(raw: Buffer, headers: Record<string, string | string[] | undefined>): SignatureVerdict {
    const signature = headers["x-slack-signature"];
    const timestamp = Number(headers["x-slack-request-timestamp"]);
    if (typeof signature !== "string" || !Number.isInteger(timestamp)) return { ok: false, repeat: false, reason: "missing signature headers" };
    const nowMs = this.now();
    if (Math.abs(nowMs / 1000 - timestamp) > SLACK_WINDOW_SECONDS) return { ok: false, repeat: false, reason: "timestamp outside the 5-minute window" };
    try {
      verifySlackRequest({
        signingSecret: this.signingSecret,
        body: raw.toString("utf8"),
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
        nowMilliseconds: nowMs,
      });
    } catch {
      return { ok: false, repeat: false, reason: "invalid signature" };
    }
    // Slack retries an Events API delivery (JSON) it thinks was lost, perhaps with the same signature; those are
    // deduplicated on their event_id. Commands and interactions (forms) are never retried: a second request with the
    // same signature is a replay, or a double click within the same second, and runs nothing.
    if (String(headers["content-type"] ?? "").startsWith("application/json")) return { ok: true };
    this.forgetExpired(nowMs);
    const key = `${timestamp}:${signature}`;
    if (this.seen.has(key)) return { ok: false, repeat: true };
    this.seen.set(key, (timestamp + SLACK_WINDOW_SECONDS) * 1000);
    return { ok: true };
  }

  private forgetExpired(nowMs: number): void {
    // Insertion order is nearly expiry order: stop at the first one still in its window.
    for (const [key, until] of this.seen) {
      if (until >= nowMs) break;
      this.seen.delete(key);
    }
  }
}
