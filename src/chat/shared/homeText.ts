// The words of a person's home (Slack's Home tab, the Teams home card): the same lines, each surface's own layout.
import type { HomeView } from "../../core/ports/views/homeView";
import { clockTime, translator } from "../../i18n";
import { shareLine } from "./charityText";
import { boardLines } from "./leaderboardLines";
import type { Markup } from "./markup";

export interface HomeText {
  title: string;
  /** Points, this month's, and the rank when they have one. */
  points: string;
  linked: string;
  charity: string;
  claimsTitle: string;
  /** One line per open claim (at most ten); empty when there are none, with `noClaims` to say so. */
  claims: string[];
  noClaims: string;
  topTitle: string;
  top: string;
}

const MAX_CLAIMS = 10;

export function homeText(view: HomeView, locale: string, timezone: string, markup: Markup): HomeText {
  const t = translator(locale, markup.cmd);
  const rank = view.points.rank ? `\n${t("home.rank", { rank: view.points.rank })}` : "";
  return {
    title: t("home.title"),
    points: t("home.points", { total: markup.bold(String(view.points.total)), month: view.points.thisMonth }) + rank,
    linked: view.linkedAs ? t("home.linked", { username: markup.escape(view.linkedAs) }) : t("home.notLinked"),
    charity: shareLine(view.charity, locale, markup) ?? t("charity.shareNoCharity"),
    claimsTitle: t("home.claims"),
    claims: view.claims
      .slice(0, MAX_CLAIMS)
      .map((claim) => `${markup.link(claim.url, claim.title)} · ${t("home.until", { time: clockTime(claim.until, locale, timezone) })}`),
    noClaims: t("home.noClaims"),
    topTitle: t("home.top"),
    top: boardLines(view.top, locale, markup) || t("leaderboard.empty"),
  };
}
