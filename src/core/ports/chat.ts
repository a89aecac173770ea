// A chat surface (Slack, Teams), and the views it draws.
import type { AnswerEcho } from "./views/answerEcho";
import type { CardView } from "./views/cardView";
import type { ChatFile } from "./views/chatFile";
import type { HomeView } from "./views/homeView";
import type { Notice } from "./views/notice";
import type { StoryView } from "./views/storyView";

export interface UserProfile {
  email: string | null;
  displayName: string | null;
  locale: string | null;
  /** Where the chat knows it (a Slack profile field the admin names, Entra ID in Teams); HR's directory wins. */
  department?: string | null;
}

/** A chat surface (Slack, Teams). Presenters turn the core's views into the surface's own format. */
export interface ChatSurface {
  postCard(channelId: string, view: CardView): Promise<{ messageRef: string }>;
  /**
   * A card an earlier attempt posted without us learning its ref (crash, lost response); null when there is
   * none, or when the surface has no way to tell (then the card is posted again).
   */
  findPostedCard(channelId: string, cardId: string, since: Date): Promise<{ messageRef: string } | null>;
  updateCard(channelId: string, messageRef: string, view: CardView): Promise<void>;
  /** `key` marks the reply so that findThreadReply can tell it was posted (a retry after a lost response). */
  postThreadReply(channelId: string, messageRef: string, text: string, locale: string, key?: string): Promise<void>;
  /** Whether a reply marked `key` is in the thread; false where the surface cannot tell (then it is posted again). */
  findThreadReply(channelId: string, messageRef: string, key: string): Promise<boolean>;
  /** Redraws the reply marked `key` (an answer's echo); where the surface cannot find it, posts the echo anew. */
  updateThreadReply(channelId: string, messageRef: string, key: string, echo: AnswerEcho, locale: string): Promise<void>;
  notify(userId: string, notice: Notice, locale: string): Promise<void>;
  /** A notice only `userId` sees, in the card's thread where the surface can show it there, else in their personal chat. */
  notifyInThread(channelId: string, threadRef: string, userId: string, notice: Notice, locale: string): Promise<void>;
  /** A notice for a whole channel, in a card's thread when threadRef is given. */
  postNotice(channelId: string, threadRef: string | null, notice: Notice, locale: string): Promise<void>;
  /**
   * The person's home. `asked`: they want to see it now; a surface without a home tab then shows it anew, and
   * otherwise only redraws one it showed before.
   */
  publishHome(userId: string, view: HomeView, locale: string, options: { asked: boolean }): Promise<void>;
  /** A customer story card, posted into the channel for its meeting. */
  postStory(channelId: string, view: StoryView): Promise<{ messageRef: string }>;
  getUserProfile(userId: string): Promise<UserProfile>;
  /** A file in the person's direct messages (a surface that cannot upload may show its text instead). */
  sendFile(userId: string, file: ChatFile, locale: string): Promise<void>;
}
