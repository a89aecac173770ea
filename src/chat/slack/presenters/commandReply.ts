// Replies to `/advocate …`, shown only to the person who asked.
import type { KnownBlock } from "@slack/types";
import type { CommandReply } from "../../../core/commands/runCommand";
import { commandReplyText } from "../../shared/commandReplyText";
import { mrkdwn } from "./mrkdwn";
import { slackMarkup } from "./slackMarkup";
import { charityButtons } from "./charityPicker";

export function commandReply(reply: CommandReply, locale: string): { text: string; blocks: KnownBlock[] } {
  const text = commandReplyText(reply, locale, slackMarkup);
  const buttons = reply.type === "charity" && reply.charity.kind === "picker" ? charityButtons(reply.charity.picker) : [];
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }, ...buttons] };
}
