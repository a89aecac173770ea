// The charity picker's buttons under the `/advocate charity` reply: one per active charity.
import type { KnownBlock } from "@slack/types";
import type { CharityPicker } from "../../../core/charity";
import { plain } from "./mrkdwn";

/** Slack wants action ids unique within a message: each button's id is this prefix and the charity's id. */
export const CHARITY_PICK = "advocate_charity_pick";
export const CHARITY_PICK_ACTION = new RegExp(`^${CHARITY_PICK}:\\d+$`);

/** Slack shows at most 25 elements in one actions block. */
const MAX_BUTTONS = 25;

export function charityButtons(picker: CharityPicker): KnownBlock[] {
  if (!picker.charities.length) return [];
  return [
    {
      type: "actions",
      block_id: "charity_picker",
      elements: picker.charities.slice(0, MAX_BUTTONS).map((charity) => ({
        type: "button",
        action_id: `${CHARITY_PICK}:${charity.id}`,
        text: plain(charity.name),
        value: String(charity.id),
        ...(picker.current?.chosen && picker.current.charity.id === charity.id ? { style: "primary" as const } : {}),
      })),
    },
  ];
}
