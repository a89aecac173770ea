// Slack limits each Web API method per workspace by tier (calls a minute; https://docs.slack.dev/apis/web-api/rate-limits).
// chat.postMessage's one a second per channel is the outbox's channel lanes, and kept here to the millisecond as the
// call goes out; the other methods the outbox calls are paced here, each on its own, and a 429's Retry-After stops
// that method only, not the others.
import { ErrorCode, WebClient, type WebAPICallResult, type WebClientOptions } from "@slack/web-api";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { RetryableError } from "../../core/kernel/errors";

/** Calls a minute of each tier (Slack's published floor for it). */
const TIER_PER_MINUTE = { 2: 20, 3: 50, 4: 100 } as const;

/** The methods Advocate calls outside a request, by their tier in Slack's method reference. */
export const METHOD_TIERS: Record<string, keyof typeof TIER_PER_MINUTE> = {
  "chat.update": 3,
  "chat.postEphemeral": 4,
  "conversations.history": 3,
  "conversations.replies": 3,
  "conversations.open": 3,
  "views.publish": 4,
  "users.info": 4,
  "users.profile.get": 4,
  "team.profile.get": 3,
  "files.getUploadURLExternal": 4,
  "files.completeUploadExternal": 4,
};

/** A call waits this long for its method's turn; a longer wait goes back to the outbox, whose lane waits instead. */
const MAX_WAIT_MS = 2000;

/** How many calls of a method a window of seconds allows. */
export interface MethodPace {
  calls: number;
  seconds: number;
}

function tierPace(method: string): MethodPace | undefined {
  const tier = METHOD_TIERS[method];
  return tier === undefined ? undefined : { calls: TIER_PER_MINUTE[tier], seconds: 60 };
}

export class PacedWebClient extends WebClient {
  private readonly limiters = new Map<string, RateLimiterMemory>();
  /** When the next message may go out to each channel (epoch ms). */
  private readonly channelTurns = new Map<string, number>();

  /**
   * @param channelGapMs the least time between two messages to one channel, counted as they go out: the outbox's
   * lane counts from the start of its attempt, before the card is read from the database, so two attempts that
   * took unequal time to get ready would otherwise reach Slack closer together than the lane's pace.
   */
  constructor(
    token: string | undefined,
    options: WebClientOptions,
    private readonly paceOf: (method: string) => MethodPace | undefined = tierPace,
    private readonly channelGapMs = 0,
  ) {
    super(token, options);
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    const limiter = this.limiterOf(method);
    if (limiter) await this.turn(method, limiter);
    if (method === "chat.postMessage" && typeof options?.channel === "string") await this.channelTurn(options.channel);
    try {
      return await super.apiCall(method, options);
    } catch (error) {
      const limited = error as { code?: string; retryAfter?: number };
      if (limiter && limited.code === ErrorCode.RateLimitedError) await limiter.block(method, Math.max(1, limited.retryAfter ?? 1));
      throw error;
    }
  }

  /** Waits for the method's next call, or says when it may be tried again. */
  private async turn(method: string, limiter: RateLimiterMemory): Promise<void> {
    for (;;) {
      try {
        await limiter.consume(method);
        return;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        if (refusal.msBeforeNext > MAX_WAIT_MS)
          throw new RetryableError(`Slack ${method}: paced, next call in ${refusal.msBeforeNext} ms`, refusal.msBeforeNext, true);
        await new Promise((resolve) => setTimeout(resolve, refusal.msBeforeNext));
      }
    }
  }

  /** Takes the channel's next turn and waits for it: a short wait, as the lane itself keeps about the same pace. */
  private async channelTurn(channel: string): Promise<void> {
    if (this.channelGapMs <= 0) return;
    const now = Date.now();
    const turn = Math.max(now, this.channelTurns.get(channel) ?? 0);
    if (turn - now > MAX_WAIT_MS) throw new RetryableError(`Slack chat.postMessage to ${channel}: paced, next in ${turn - now} ms`, turn - now, true);
    this.channelTurns.set(channel, turn + this.channelGapMs);
    if (turn > now) await new Promise((resolve) => setTimeout(resolve, turn - now));
  }

  private limiterOf(method: string): RateLimiterMemory | null {
    const pace = this.paceOf(method);
    if (!pace) return null;
    let limiter = this.limiters.get(method);
    if (!limiter) {
      limiter = new RateLimiterMemory({ points: pace.calls, duration: pace.seconds });
      this.limiters.set(method, limiter);
    }
    return limiter;
  }
}
