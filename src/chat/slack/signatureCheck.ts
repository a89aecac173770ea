// Slack's request signature, checked on the raw bytes before anything reads them, with a window in both
// directions (Bolt's own check refuses only the stale) and each signature taken once within it, so a captured
// request cannot be sent again. Bolt checks the signature once more after this; that costs one HMAC.
import { verifySlackRequest } from "@slack/bolt";

/** Slack's window: a request signed more than this away from our clock, either way, is refused. */
export const SLACK_WINDOW_SECONDS = 300;

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

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
    if (typeof signature !== "string" || !Number.isInteger(timestamp)) return { ok: false, reason: "missing signature headers" };
    const nowMs = this.now();
    if (Math.abs(nowMs / 1000 - timestamp) > SLACK_WINDOW_SECONDS) return { ok: false, reason: "timestamp outside the 5-minute window" };
    try {
      verifySlackRequest({
        signingSecret: this.signingSecret,
        body: raw.toString("utf8"),
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
        nowMilliseconds: nowMs,
      });
    } catch {
      return { ok: false, reason: "invalid signature" };
    }
    this.forgetExpired(nowMs);
    const key = `${timestamp}:${signature}`;
    if (this.seen.has(key)) return { ok: false, reason: "request already received" };
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
