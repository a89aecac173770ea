// Universal Actions (Action.Execute) on Advocate's cards: Claim, Release, the automatic refresh, the link
// consent, the charity picker, the home card (routes/homeAction), the channel picker (routes/routePick) and a thread reply's offer (routes/replyDrafts). The answer is the card as it now stands, for the person who pressed; everyone
// else's copy is redrawn through the outbox.
import { z } from "zod";
import { claimCard, releaseCard } from "../../../core/claims";
import { acceptLink, declineLink } from "../../../core/accounts";
import { localeOf } from "../../../core/accounts";
import { findCard } from "../../../core/cards";
import { cardViewFrom } from "../../../core/cards";
import { normalizeLocale, translator } from "../../../i18n";
import { claimReply, releaseReply } from "../../shared/cardReplies";
import { actorOf, channelOf } from "../activity";
import { CARD_VERBS, questionCard } from "../presenters/questionCard";
import { DRAFT_VERBS, LINK_VERBS } from "../presenters/notice";
import { returnToDrafts } from "../../../core/answers";
import { onDraftAction, onLinkStart } from "./replyDrafts";
import { CHARITY_VERBS } from "../presenters/charityPicker";
import { errorCard } from "../presenters/errorCard";
import { adaptiveCard } from "../presenters/adaptiveCard";
import { teamsMarkup } from "../presenters/teamsMarkup";
import { cardResponse } from "./invokeResponse";
import { onCharityPick } from "./charityPick";
import { HOME_VERBS } from "../presenters/homeCard";
import { onHomeAction, type HomeVerb } from "./homeAction";
import { ROUTE_VERBS } from "../presenters/channelPicker";
import { onRoutePick } from "./routePick";
import { teamsEmployee, type TeamsRouteContext, type Turn } from "./context";

const executeAction = z.object({ action: z.object({ type: z.literal("Action.Execute"), verb: z.string(), data: z.unknown() }) });
const topicData = z.object({ topicId: z.coerce.number().int().positive() });
const CARD_VERB_SET = new Set<string>(Object.values(CARD_VERBS));
const HOME_VERB_SET = new Set<string>(Object.values(HOME_VERBS));
const isHomeVerb = (verb: string): verb is HomeVerb => HOME_VERB_SET.has(verb);

export async function onCardAction(ctx: TeamsRouteContext, turn: Turn): Promise<void> {
  const { context, activity } = turn;
  const fallbackLocale = normalizeLocale(activity.locale, ctx.deps.settings.defaultLocale);
  const parsed = executeAction.safeParse(activity.value);
  if (!parsed.success) return cardResponse(context, errorCard(fallbackLocale));
  const { verb, data } = parsed.data.action;
  if (verb === LINK_VERBS.accept || verb === LINK_VERBS.decline) return linkConsent(ctx, turn, verb === LINK_VERBS.accept);
  if (verb === CHARITY_VERBS.pick) return onCharityPick(ctx, turn, data);
  if (isHomeVerb(verb)) return onHomeAction(ctx, turn, verb, data);
  if (verb === ROUTE_VERBS.pick) return onRoutePick(ctx, turn, data);
  if (verb === LINK_VERBS.start) return onLinkStart(ctx, turn);
  if (verb === DRAFT_VERBS.publish || verb === DRAFT_VERBS.dismiss) return onDraftAction(ctx, turn, verb, data);
  const at = topicData.safeParse(data);
  const channelId = channelOf(activity);
  if (!CARD_VERB_SET.has(verb) || !at.success || !channelId) return cardResponse(context, errorCard(fallbackLocale));
  const found = await findCard(ctx.deps, { surface: "teams", channelId, topicId: at.data.topicId });
  if (!found) return cardResponse(context, errorCard(fallbackLocale));

  await turn.remember();
  const employee = await teamsEmployee(ctx.deps, activity);
  const style = { locale: localeOf(ctx.deps, employee), timezone: ctx.deps.settings.timezone, escape: teamsMarkup.escape, cmd: teamsMarkup.cmd };
  // The rows read above are the card's state unless the press changes it: the press says how.
  let { question } = found;
  let notice: string | undefined;
  if (verb === CARD_VERBS.claim) {
    const pressed = await claimCard(ctx.deps, employee, found);
    ({ question } = pressed);
    notice = claimReply(pressed.result, style);
  }
  if (verb === CARD_VERBS.release) {
    const pressed = await releaseCard(ctx.deps, employee, found);
    ({ question } = pressed);
    notice = releaseReply(pressed.result, style);
  }
  const view = await cardViewFrom(ctx.deps, found.card, question, employee);
  await cardResponse(context, questionCard(view, ctx.deps.settings.timezone, notice));
}

/** The person's own yes or no to posting as the community account found by their work email. */
async function linkConsent(ctx: TeamsRouteContext, { context, activity, remember }: Turn, accept: boolean): Promise<void> {
  await remember();
  const employee = await teamsEmployee(ctx.deps, activity);
  const t = translator(localeOf(ctx.deps, employee), teamsMarkup.cmd);
  let text: string;
  if (accept) {
    const linked = await acceptLink(ctx.deps, actorOf(activity));
    text = linked?.communityUsername ? t("link.linked", { username: teamsMarkup.escape(linked.communityUsername) }) : t("link.noOffer");
    // Back to what they were writing: their waiting drafts are offered again, now as their account.
    if (linked?.communityUsername) await returnToDrafts(ctx.deps, actorOf(activity));
  } else {
    await declineLink(ctx.deps, actorOf(activity));
    text = t("link.declined");
  }
  await cardResponse(context, adaptiveCard([{ type: "TextBlock", text, wrap: true }]));
}
