// A `@Advocate …` message's text as the core reads it: the bot's own mention goes, a person's mention
// (`<at>Bram</at>` with its mention entity) becomes the core's person token, and `#Name` names a channel of this
// team by its name (Teams' channel list, remembered when Advocate was added).
import type { AddressRepo } from "../../core/ports";
import { channelToken, personToken } from "../../core/kernel/references";
import { personMentions, type TeamsActivity } from "./activity";
import { channelNamed } from "./addresses";

export async function teamsCommandText(addresses: AddressRepo, activity: TeamsActivity): Promise<string> {
  let text = activity.text ?? "";
  for (const person of personMentions(activity)) text = text.replace(person.text, personToken(person.id));
  text = text
    .replace(/<at>[^<]*<\/at>/g, " ")
    .replace(/^\s*@?advocate\b/i, " ")
    .replace(/&nbsp;/g, " ")
    // Teams puts a space before a mention: `escalate: @person:…` is `escalate:@person:…`.
    .replace(/(\w:)\s+(?=[@#](?:person|channel):)/g, "$1")
    .trim();
  const teamId = activity.channelData?.team?.id;
  if (!teamId) return text;
  const words = await Promise.all(
    text.split(/(\s+)/).map(async (word) => {
      const named = /^((?:\w+:)?)#([^\s#:]+)$/.exec(word);
      const channelId = named ? await channelNamed(addresses, teamId, named[2]!) : null;
      return named && channelId ? `${named[1]}${channelToken(channelId)}` : word;
    }),
  );
  return words.join("");
}
