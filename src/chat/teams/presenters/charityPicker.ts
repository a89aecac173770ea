// The charity picker's buttons under the `@Advocate charity` reply: one Action.Execute per active charity.
import type { CharityPicker } from "../../../core/charity";
import type { CardElement } from "./adaptiveCard";

export const CHARITY_VERBS = { pick: "advocate.charity.pick" } as const;

export function charityActions(picker: CharityPicker): CardElement[] {
  return picker.charities.map((charity) => ({
    type: "Action.Execute",
    verb: CHARITY_VERBS.pick,
    title: charity.name,
    data: { charityId: charity.id },
    ...(picker.current?.chosen && picker.current.charity.id === charity.id ? { style: "positive" } : {}),
  }));
}
