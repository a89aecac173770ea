// Small builders for Adaptive Cards (schema 1.5, what Teams renders on desktop, web and mobile).
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardElement;
  msteams?: { width: "Full" };
}

export const ADAPTIVE_CARD_TYPE = "application/vnd.microsoft.card.adaptive";

export function adaptiveCard(body: CardElement[], extra: Partial<Pick<AdaptiveCard, "actions" | "refresh">> = {}): AdaptiveCard {
  return { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5", body, ...extra, msteams: { width: "Full" } };
}

/** Text over several lines: one TextBlock per line, since Teams does not honour single line breaks. */
export function textBlocks(text: string, options: CardElement = {}): CardElement[] {
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => ({ type: "TextBlock", text: line, wrap: true, ...options }));
}

export function attachment(card: AdaptiveCard) {
  return { contentType: ADAPTIVE_CARD_TYPE, content: card };
}
