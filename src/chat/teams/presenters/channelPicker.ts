// `route add <rule>` without a channel, in Teams: the rule's words and a list of the team's channels to send it to.
import type { TeamChannel } from "../teamChannels";
import { translator } from "../../../i18n";
import { adaptiveCard, type AdaptiveCard } from "./adaptiveCard";
import { teamsMarkup } from "./teamsMarkup";

export const ROUTE_VERBS = { pick: "advocate.route.pick" } as const;

/** The id of the channel input: Teams sends its value with the action's data. */
export const CHANNEL_INPUT = "ruleChannel";

/** `question`: the reply's words; `preselected`: the channel the command was typed in, when it is one of them. */
export function channelPickerCard(question: string, rule: string[], channels: TeamChannel[], locale: string, preselected: string | null): AdaptiveCard {
  const t = translator(locale, teamsMarkup.cmd);
  const picked = channels.some((channel) => channel.id === preselected) ? preselected : null;
  return adaptiveCard(
    [
      { type: "TextBlock", text: question, wrap: true },
      {
        type: "Input.ChoiceSet",
        id: CHANNEL_INPUT,
        isRequired: true,
        choices: channels.map((channel) => ({ title: `#${channel.name}`, value: channel.id })),
        ...(picked ? { value: picked } : {}),
      },
    ],
    { actions: [{ type: "Action.Execute", verb: ROUTE_VERBS.pick, title: t("rules.pickButton"), style: "positive", data: { rule: rule.join(" ") } }] },
  );
}
