// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { Card } from "../kernel/model";

export interface CardRepo {
  byId(id: string): Promise<Card | null>;
  forQuestion(questionId: string): Promise<Card[]>;
  find(questionId: string, surface: string, channelId: string): Promise<Card | null>;
  /** The card whose chat message is `messageRef` (a thread's root), in that channel. */
  byMessage(surface: string, channelId: string, messageRef: string): Promise<Card | null>;
  create(card: Omit<Card, "id" | "messageRef" | "postStartedAt" | "passedOnBy" | "passedOnNote" | "movedToSurface" | "movedToChannelId">): Promise<Card>;
  update(id: string, patch: Partial<Card>): Promise<Card>;
}
