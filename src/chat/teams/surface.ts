// Teams behind the core's ChatSurface: proactive posts through the Bot Connector, using the conversation
// references remembered from earlier activities; failures mapped to retry or give up.
import type { AnswerEcho } from "../../core/ports/views/answerEcho";
import { answerEchoText } from "../shared/answerChangeText";
import {
  TeamsInfo,
  type Activity,
  type Attachment,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  type TurnContext,
} from "botbuilder";
import type { AddressRepo, ChatSurface, FileOfferRepo, UserProfile } from "../../core/ports";
import { PermanentError } from "../../core/kernel/errors";
import { channelAddressOf, rememberHomeCard, userAddressOf, type ChannelAddress, type UserAddress } from "./addresses";
import { teamsError } from "./connectorErrors";
import type { EntraDepartments } from "./entraDepartment";
import { questionCard } from "./presenters/questionCard";
import { noticeCard } from "./presenters/notice";
import { fileConsentCard } from "./presenters/fileCard";
import { reportFiles } from "../shared/reportFiles";
import { storyCard } from "./presenters/storyCard";
import { homeCard } from "./presenters/homeCard";
import { attachment, type AdaptiveCard } from "./presenters/adaptiveCard";
import type { CardView } from "../../core/ports/views/cardView";
import type { StoryView } from "../../core/ports/views/storyView";
import type { Notice } from "../../core/ports/views/notice";
import type { ChatFile } from "../../core/ports/views/chatFile";
import type { HomeView } from "../../core/ports/views/homeView";

const MSTEAMS = "msteams";

function cardActivity(card: AdaptiveCard, id?: string): Partial<Activity> {
  return { type: "message", attachments: [attachment(card)], ...(id ? { id } : {}) };
}

export class TeamsSurface implements ChatSurface {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly addresses: AddressRepo,
    private readonly fileOffers: FileOfferRepo,
    private readonly timezone: string,
    /** Set when TEAMS_GRAPH_DEPARTMENT is on. */
    private readonly departments: EntraDepartments | null = null,
  ) {}

  postCard(channelId: string, view: CardView) {
    return this.postInChannel(channelId, questionCard(view, this.timezone));
  }

  async findPostedCard(): Promise<null> {
    // The Bot Connector cannot list a channel's messages (that takes Microsoft Graph); a retry posts again.
    return null;
  }

  async updateCard(channelId: string, messageRef: string, view: CardView) {
    await this.inThread(channelId, messageRef, (context) => context.updateActivity(cardActivity(questionCard(view, this.timezone), messageRef)));
  }

  async postThreadReply(channelId: string, messageRef: string, text: string) {
    await this.inThread(channelId, messageRef, async (context) => {
      // The employee's own markdown, as published on the community.
      await context.sendActivity({ type: "message", text, textFormat: "markdown" });
    });
  }

  /** The Bot Connector cannot list a thread's messages: a retried echo is posted again. */
  async findThreadReply() {
    return false;
  }

  /** The connector cannot find the first echo (see findThreadReply): the answer as it now stands is a new reply. */
  async updateThreadReply(channelId: string, messageRef: string, _key: string, echo: AnswerEcho, locale: string) {
    await this.postThreadReply(channelId, messageRef, answerEchoText(echo, locale));
  }

  async notify(userId: string, notice: Notice, locale: string) {
    await this.inPersonalChat(userId, (context) => context.sendActivity(cardActivity(noticeCard(notice, locale))));
  }

  /** Teams has no message only one person sees in a channel: the notice goes to their personal chat. */
  async notifyInThread(_channelId: string, _threadRef: string, userId: string, notice: Notice, locale: string) {
    await this.notify(userId, notice, locale);
  }

  async postNotice(channelId: string, threadRef: string | null, notice: Notice, locale: string) {
    const card = noticeCard(notice, locale);
    if (threadRef) await this.inThread(channelId, threadRef, (context) => context.sendActivity(cardActivity(card)));
    else await this.postInChannel(channelId, card);
  }

  /** Offers the report's files in personal chat; each is uploaded when the person accepts (routes/fileConsent.ts). */
  async sendFile(userId: string, file: ChatFile, locale: string) {
    const offers: Attachment[] = [];
    for (const { filename, bytes } of await reportFiles(file, locale)) {
      const id = await this.fileOffers.create({ surface: "teams", userId, filename, content: bytes });
      offers.push(fileConsentCard({ id, filename, size: bytes.length }, locale));
    }
    await this.inPersonalChat(userId, (context) => context.sendActivity({ type: "message", attachments: offers }));
  }

  private async inPersonalChat(userId: string, work: (context: TurnContext) => Promise<unknown>): Promise<void> {
    const address = await this.user(userId);
    const conversationId = address.personalConversationId ?? (await this.openPersonalChat(userId, address));
    await this.continueIn(address.serviceUrl, conversationId, async (context) => {
      await work(context);
    });
  }

  /**
   * Teams has no home tab: the home is a card in the personal chat. Asked for, it is posted anew and kept; otherwise
   * the kept one is redrawn in place (and its refresh keeps it current whenever it is looked at).
   */
  async publishHome(userId: string, view: HomeView, locale: string, { asked }: { asked: boolean }) {
    const card = homeCard(view, locale, this.timezone, userId);
    const kept = (await this.user(userId)).homeMessageId;
    if (!asked) {
      if (kept) await this.redrawHome(userId, kept, card);
      return;
    }
    let messageId: string | null = null;
    await this.inPersonalChat(userId, async (context) => {
      messageId = (await context.sendActivity(cardActivity(card)))?.id ?? null;
    });
    await rememberHomeCard(this.addresses, userId, messageId);
  }

  private async redrawHome(userId: string, messageId: string, card: AdaptiveCard): Promise<void> {
    try {
      await this.inPersonalChat(userId, (context) => context.updateActivity(cardActivity(card, messageId)));
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      // Deleted, or the app removed: nothing to redraw until they ask for their home again.
      await rememberHomeCard(this.addresses, userId, null);
    }
  }

  async postStory(channelId: string, view: StoryView) {
    const address = await this.channel(channelId);
    return address.chat ? this.postInChat(channelId, address, storyCard(view)) : this.postInChannel(channelId, storyCard(view));
  }

  async getUserProfile(userId: string): Promise<UserProfile> {
    const address = await this.user(userId);
    let profile: UserProfile = { email: null, displayName: null, locale: null };
    await this.continueIn(address.serviceUrl, address.seenIn, async (context) => {
      const member = await TeamsInfo.getMember(context, userId);
      // Entra ID: the mail attribute when set, else the sign-in name, which is usually the work email.
      profile = { email: member.email ?? member.userPrincipalName ?? null, displayName: member.name ?? null, locale: null };
      if (this.departments && member.aadObjectId) profile.department = await this.departments.departmentOf(address.tenantId, member.aadObjectId);
    });
    return profile;
  }

  /** A card as a new post (a new thread) in the channel; its ref is the post's message id. */
  private async postInChannel(channelId: string, card: AdaptiveCard): Promise<{ messageRef: string }> {
    const address = await this.channel(channelId);
    const threadId = await this.createConversation(address.serviceUrl, {
      isGroup: true,
      tenantId: address.tenantId,
      channelData: { channel: { id: channelId }, tenant: { id: address.tenantId } },
      activity: cardActivity(card) as Activity,
      members: [],
    });
    // A new channel post is a new thread: "<channel>;messageid=<id of the card>".
    const messageRef = /;messageid=(.+)$/.exec(threadId)?.[1];
    if (!messageRef) throw new PermanentError(`Teams returned no message id for a card in ${channelId}`);
    return { messageRef };
  }

  /** A card in a group or meeting chat, which has no threads; its ref is the message's id. */
  private async postInChat(conversationId: string, address: ChannelAddress, card: AdaptiveCard): Promise<{ messageRef: string }> {
    let messageRef = "";
    await this.continueIn(address.serviceUrl, conversationId, async (context) => {
      messageRef = (await context.sendActivity(cardActivity(card)))?.id ?? "";
    });
    if (!messageRef) throw new PermanentError(`Teams returned no message id for a card in ${conversationId}`);
    return { messageRef };
  }

  private async openPersonalChat(userId: string, address: UserAddress): Promise<string> {
    const conversationId = await this.createConversation(address.serviceUrl, {
      isGroup: false,
      tenantId: address.tenantId,
      members: [{ id: userId, name: "" }],
      channelData: { tenant: { id: address.tenantId } },
    });
    await this.addresses.save("teams", "user", userId, { ...address, personalConversationId: conversationId });
    return conversationId;
  }

  /** POST /v3/conversations; returns the new conversation's id. */
  private async createConversation(serviceUrl: string, parameters: Omit<ConversationParameters, "bot">): Promise<string> {
    let conversationId = "";
    await this.call(() =>
      this.adapter.createConversationAsync(
        this.appId,
        MSTEAMS,
        serviceUrl,
        "",
        { ...parameters, bot: { id: this.appId, name: "Advocate" } },
        async (context) => {
          conversationId = context.activity.conversation.id;
        },
      ),
    );
    return conversationId;
  }

  private async channel(channelId: string): Promise<ChannelAddress> {
    const address = await channelAddressOf(this.addresses, channelId);
    if (!address) throw new PermanentError(`Advocate was never added to Teams channel ${channelId}`, "not_installed");
    return address;
  }

  private async user(userId: string): Promise<UserAddress> {
    const address = await userAddressOf(this.addresses, userId);
    if (!address) throw new PermanentError(`no Teams conversation known for user ${userId}`, "unknown_user");
    return address;
  }

  private async inThread(channelId: string, messageRef: string, work: (context: TurnContext) => Promise<unknown>) {
    const address = await this.channel(channelId);
    await this.continueIn(address.serviceUrl, `${channelId};messageid=${messageRef}`, work);
  }

  private continueIn(serviceUrl: string, conversationId: string, work: (context: TurnContext) => Promise<unknown>) {
    const reference: Partial<ConversationReference> = {
      channelId: MSTEAMS,
      serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: "", name: "" },
    };
    return this.call(() => this.adapter.continueConversationAsync(this.appId, reference, async (context) => void (await work(context))));
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw teamsError(error);
    }
  }
}
