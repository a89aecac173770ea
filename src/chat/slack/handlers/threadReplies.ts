// Replies in a card's thread (message.channels / message.groups events): a person's reply becomes a draft offered to
// them alone, its edit moves the draft, its deletion withdraws it. Bots (Advocate among them) and every other kind of
// message are ignored; a retried event is handled once (dedupeEvents).
import type { App } from "@slack/bolt";
import { z } from "zod";
import { deleteReply, draftFromReply, editReply } from "../../../core/answers";
import type { SlackHandlerContext } from "./context";

/** A person's message in a thread: no bot_id (bots, Advocate's own posts, have one). */
const personReply = z.object({
  user: z.string().min(1),
  text: z.string().default(""),
  ts: z.string().min(1),
  thread_ts: z.string().min(1),
  bot_id: z.undefined().optional(),
});

/** The message events we act on; anything else (joins, bot messages, file shares, top-level posts) is not ours. */
// A plain message has no subtype at all, which a discriminated union cannot key on: a plain union, tried in order.
const threadEvent = z.union([
  // A plain reply; "Also send to channel" makes it a thread_broadcast, still the person's own reply.
  personReply.extend({ subtype: z.undefined().optional(), channel: z.string() }),
  personReply.extend({ subtype: z.literal("thread_broadcast"), channel: z.string() }),
  z.object({ subtype: z.literal("message_changed"), channel: z.string(), message: personReply }),
  z.object({ subtype: z.literal("message_deleted"), channel: z.string(), previous_message: personReply }),
]);

export function registerThreadReplies(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;
  app.event("message", async ({ event }) => {
    const parsed = threadEvent.safeParse(event);
    if (!parsed.success) return;
    const data = parsed.data;
    let outcome: string;
    if (data.subtype === "message_changed") {
      const { message } = data;
      if (message.ts === message.thread_ts) return;
      const reply = { channelId: data.channel, threadRef: message.thread_ts, replyRef: message.ts, text: message.text };
      outcome = await editReply(deps, { surface: "slack", userId: message.user }, reply);
    } else if (data.subtype === "message_deleted") {
      const gone = data.previous_message;
      outcome = await deleteReply(deps, { surface: "slack", userId: gone.user }, { channelId: data.channel, threadRef: gone.thread_ts, replyRef: gone.ts });
    } else {
      // The thread's root is the card itself (or someone's own post): only replies under it count.
      if (data.ts === data.thread_ts) return;
      const reply = { channelId: data.channel, threadRef: data.thread_ts, replyRef: data.ts, text: data.text };
      outcome = await draftFromReply(deps, { surface: "slack", userId: data.user }, reply);
    }
    ctx.logger.debug({ outcome, channel: data.channel }, "thread message");
  });
}
