// Slack behind the core's ChatSurface: Web API calls, errors mapped to retry or give up.
import type { AnswerEcho } from "../../core/ports/views/answerEcho";
import { answerEchoText } from "../shared/answerChangeText";
import type { WebClient } from "@slack/web-api";
import { ErrorCode } from "@slack/web-api";
import type { ChatSurface, UserProfile } from "../../core/ports";
import type { HomeView } from "../../core/ports/views/homeView";
import { PermanentError, RetryableError } from "../../core/kernel/errors";
import { questionCard } from "./presenters/questionCard";
import { noticeMessage } from "./presenters/notice";
import { escapeMrkdwn } from "./presenters/mrkdwn";
import { homeTab } from "./presenters/home";
import { storyCard } from "./presenters/storyCard";
import { reportFiles } from "../shared/reportFiles";
import type { CardView } from "../../core/ports/views/cardView";
import type { StoryView } from "../../core/ports/views/storyView";
import type { Notice } from "../../core/ports/views/notice";
import type { ChatFile } from "../../core/ports/views/chatFile";

/** Message metadata type that marks Advocate's question cards. */
const CARD_EVENT = "advocate_card";
/** Marks a thread reply (an answer's echo) so a retry can find it. */
const REPLY_EVENT = "advocate_reply";

/** Slack errors that say "try again later" rather than "this will never work". */
const TRANSIENT = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited", "team_added_to_org"]);

export class SlackSurface implements ChatSurface {
  constructor(
    private readonly client: WebClient,
    private readonly timezone: string,
    /** The label of the custom profile field holding the department (SLACK_DEPARTMENT_FIELD), if the admin named one. */
    private readonly departmentField: string | null = null,
  ) {}

  async postCard(channelId: string, view: CardView) {
    const message = questionCard(view, this.timezone);
    const result = await this.call(() =>
      this.client.chat.postMessage({
        channel: channelId,
        ...message,
        // Lets findPostedCard recognise this card in the channel's history.
        metadata: { event_type: CARD_EVENT, event_payload: { card_id: view.cardId } },
        unfurl_links: false,
        unfurl_media: false,
      }),
    );
    if (!result.ts) throw new RetryableError("chat.postMessage returned no ts");
    return { messageRef: result.ts };
  }

  async findPostedCard(channelId: string, cardId: string, since: Date) {
    // A few minutes' margin: Slack's clock and ours need not agree.
    const oldest = String(Math.floor(since.getTime() / 1000) - 300);
    try {
      const history = await this.call(() => this.client.conversations.history({ channel: channelId, oldest, include_all_metadata: true, limit: 200 }));
      const landed = (history.messages ?? []).find(
        (message) => message.metadata?.event_type === CARD_EVENT && (message.metadata.event_payload as { card_id?: unknown } | undefined)?.card_id === cardId,
      );
      return landed?.ts ? { messageRef: landed.ts } : null;
    } catch (error) {
      // No way to look (not in the channel, scope missing): posting again beats never posting.
      if (error instanceof PermanentError) return null;
      throw error;
    }
  }

  async updateCard(channelId: string, messageRef: string, view: CardView) {
    await this.call(() => this.client.chat.update({ channel: channelId, ts: messageRef, ...questionCard(view, this.timezone) }));
  }

  async postThreadReply(channelId: string, messageRef: string, text: string, _locale: string, key?: string) {
    // Always the card's own ts, so replies stay in the card's thread.
    // Escaped: an answer's own "<!channel>" or "<@U…>" must not ping anyone from the bot's mouth.
    const metadata = key ? { metadata: { event_type: REPLY_EVENT, event_payload: { key } } } : {};
    await this.call(() =>
      this.client.chat.postMessage({ channel: channelId, thread_ts: messageRef, text: escapeMrkdwn(text), unfurl_links: false, ...metadata }),
    );
  }

  async findThreadReply(channelId: string, messageRef: string, key: string) {
    try {
      const thread = await this.call(() => this.client.conversations.replies({ channel: channelId, ts: messageRef, include_all_metadata: true, limit: 200 }));
      return (thread.messages ?? []).some(
        (message) => message.metadata?.event_type === REPLY_EVENT && (message.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
      );
    } catch (error) {
      // No way to look: posting again beats never posting.
      if (error instanceof PermanentError) return false;
      throw error;
    }
  }

  async updateThreadReply(channelId: string, messageRef: string, key: string, echo: AnswerEcho, locale: string) {
    const text = escapeMrkdwn(answerEchoText(echo, locale));
    const metadata = { event_type: REPLY_EVENT, event_payload: { key } };
    const thread = await this.call(() => this.client.conversations.replies({ channel: channelId, ts: messageRef, include_all_metadata: true, limit: 200 }));
    const reply = (thread.messages ?? []).find(
      (message) => message.metadata?.event_type === REPLY_EVENT && (message.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
    );
    if (reply?.ts) await this.call(() => this.client.chat.update({ channel: channelId, ts: reply.ts!, text, metadata }));
    else await this.call(() => this.client.chat.postMessage({ channel: channelId, thread_ts: messageRef, text, unfurl_links: false, metadata }));
  }

  async notify(userId: string, notice: Notice, locale: string) {
    await this.call(() => this.client.chat.postMessage({ channel: userId, ...noticeMessage(notice, locale), unfurl_links: false }));
  }

  /** Ephemeral, in the card's thread: only the person sees it, where they wrote. */
  async notifyInThread(channelId: string, threadRef: string, userId: string, notice: Notice, locale: string) {
    await this.call(() => this.client.chat.postEphemeral({ channel: channelId, thread_ts: threadRef, user: userId, ...noticeMessage(notice, locale) }));
  }

  async postNotice(channelId: string, threadRef: string | null, notice: Notice, locale: string) {
    await this.call(() =>
      this.client.chat.postMessage({
        channel: channelId,
        ...(threadRef ? { thread_ts: threadRef } : {}),
        ...noticeMessage(notice, locale),
        unfurl_links: false,
      }),
    );
  }

  async sendFile(userId: string, file: ChatFile, locale: string) {
    // Uploads need the direct-message channel itself; a member id is not enough for files.
    const dm = await this.call(() => this.client.conversations.open({ users: userId }));
    const channelId = dm.channel?.id;
    if (!channelId) throw new Error("conversations.open gave no channel");
    const uploads = (await reportFiles(file, locale)).map(({ filename, title, bytes }) => ({ filename, title, file: bytes }));
    await this.call(() => this.client.files.uploadV2({ channel_id: channelId, file_uploads: uploads }));
  }

  async publishHome(userId: string, view: HomeView, locale: string) {
    await this.call(() => this.client.views.publish({ user_id: userId, view: homeTab(view, locale, this.timezone) }));
  }

  async postStory(channelId: string, view: StoryView) {
    const result = await this.call(() => this.client.chat.postMessage({ channel: channelId, ...storyCard(view), unfurl_links: false, unfurl_media: false }));
    if (!result.ts) throw new RetryableError("chat.postMessage returned no ts");
    return { messageRef: result.ts };
  }

  async getUserProfile(userId: string): Promise<UserProfile> {
    const result = await this.call(() => this.client.users.info({ user: userId, include_locale: true }));
    const user = result.user;
    return {
      email: user?.profile?.email ?? null,
      displayName: user?.profile?.display_name || user?.real_name || user?.name || null,
      locale: user?.locale ?? null,
      department: await this.departmentOf(userId),
    };
  }

  /** The value of the profile field the admin named, if any; custom fields are only in users.profile.get. */
  private async departmentOf(userId: string): Promise<string | null> {
    if (!this.departmentField) return null;
    const fields = await this.call(() => this.client.team.profile.get());
    const label = this.departmentField.toLowerCase();
    const field = fields.profile?.fields?.find((candidate) => candidate.label?.toLowerCase() === label);
    if (!field?.id) return null;
    const profile = await this.call(() => this.client.users.profile.get({ user: userId }));
    const fieldValues = profile.profile?.fields as Record<string, { value?: string }> | undefined;
    return fieldValues?.[field.id]?.value?.trim() || null;
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw slackError(error);
    }
  }
}

export function slackError(error: unknown): Error {
  // Already said in the core's words (the method's own pace).
  if (error instanceof RetryableError) return error;
  const coded = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  switch (coded.code) {
    case ErrorCode.RateLimitedError:
      return new RetryableError("Slack rate limit", (coded.retryAfter ?? 1) * 1000, true);
    case ErrorCode.PlatformError: {
      const reason = coded.data?.error ?? "unknown";
      return TRANSIENT.has(reason) ? new RetryableError(`Slack: ${reason}`) : new PermanentError(`Slack: ${reason}`, reason);
    }
    case ErrorCode.HTTPError:
      return (coded.statusCode ?? 500) >= 500 ? new RetryableError(`Slack HTTP ${coded.statusCode}`) : new PermanentError(`Slack HTTP ${coded.statusCode}`);
    default:
      return new RetryableError(`Slack request failed: ${coded.message ?? String(error)}`);
  }
}
