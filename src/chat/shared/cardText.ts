// The words on a question card, for every surface: its facts line and the line saying where it stands.
import { clockTime, timeAgo, translator } from "../../i18n";
import type { Markup } from "./markup";
import type { CardState, CardView } from "../../core/ports/views/cardView";

/** "by Marieke · support · facturen · question · NL · 3 hours ago", unescaped. */
export function cardFacts(view: CardView): string {
  const t = translator(view.locale);
  return [
    view.author ? t("card.by", { name: view.author }) : null,
    view.category,
    view.tags.length ? view.tags.join(", ") : null,
    view.kind ? t(`kind.${view.kind}`) : null,
    view.language?.toUpperCase(),
    timeAgo(view.postedAt, view.now, view.locale),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Who holds or answered the question, or what happened to it; null while it is simply open. */
export function cardStateLine(state: CardState, locale: string, timezone: string, markup: Markup): string | null {
  const t = translator(locale, markup.cmd);
  const name = (value: string) => markup.escape(value);
  const reply = (url: string | null) => (url ? markup.link(url, t("card.viewReply")) : "");
  switch (state.type) {
    case "open":
      return null;
    case "claimed":
      return t("card.state.claimed", { name: name(state.by), time: clockTime(state.until, locale, timezone) });
    case "answered":
      return t("card.state.answered", { name: name(state.by), link: reply(state.url) });
    case "answered_elsewhere":
      return t("card.state.answeredElsewhere", { name: name(state.by), link: reply(state.url) });
    case "customer_replied":
      return t("card.state.customerReplied", { customer: name(state.customer), link: markup.link(state.replyUrl, t("card.viewReply")) });
    case "closed":
      return t("card.state.closed");
    case "deleted":
      return t("card.state.deleted");
    case "passed_on":
      return t("card.state.passedOn", { name: name(state.by), note: name(state.note) });
    case "moved":
      return t("card.state.moved", { channel: markup.channel(state.to, () => t("card.state.movedElsewhere")) });
  }
}

/** "In short: … · Routed by AI (86 % sure)", or why rules routed it; null where AI plays no part. Unescaped. */
export function cardAiLine(view: CardView): string | null {
  const t = translator(view.locale);
  const percent = (confidence: number | null) => Math.round((confidence ?? 0) * 100);
  const routing = view.routing;
  const how = !routing
    ? null
    : routing.by === "ai"
      ? t("card.ai.routed", { confidence: percent(routing.confidence) })
      : t(`card.ai.rules.${routing.because}`, { confidence: percent(routing.confidence) });
  const parts = [view.summary ? t("card.ai.summary", { summary: view.summary }) : null, how].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

/** "Answered similar questions well: Sanne, Priya"; null when nobody did. Unescaped. */
export function cardExpertsLine(view: CardView): string | null {
  return view.experts.length ? translator(view.locale)("card.experts", { names: view.experts.join(", ") }) : null;
}

/** "💡 Idea status: Coming soon (Sanne)", or that none is set yet; null for anything but an idea. Unescaped. */
export function cardIdeaLine(view: CardView): string | null {
  if (!view.idea) return null;
  const t = translator(view.locale);
  const { status, by } = view.idea;
  return status ? t("idea.cardLine", { status: t(`idea.status.${status}`), name: by ?? "?" }) : t("idea.cardNone");
}
