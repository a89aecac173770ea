// A slash command's text as the core reads it: Slack's channel and person mentions become the core's own tokens.
import { channelToken, personToken } from "../../core/kernel/references";

export function neutralCommandText(text: string): string {
  return text
    .replace(/<#([A-Z0-9]+)(?:\|[^>]*)?>/gi, (_match, id: string) => channelToken(id))
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/gi, (_match, id: string) => personToken(id));
}
