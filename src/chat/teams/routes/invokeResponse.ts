// Invokes are answered in the HTTP response itself: botbuilder writes what this activity carries.
import { ActivityTypes, type TurnContext } from "botbuilder";
import { ADAPTIVE_CARD_TYPE, type AdaptiveCard } from "../presenters/adaptiveCard";

export async function invokeResponse(context: TurnContext, body: unknown, status = 200): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
}

/** A Universal Action's answer: the card to show in place of the one pressed. */
export async function cardResponse(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await invokeResponse(context, { statusCode: 200, type: ADAPTIVE_CARD_TYPE, value: card });
}
