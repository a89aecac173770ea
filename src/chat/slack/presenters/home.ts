// The App Home tab: my points, my open claims, the top 5 of the month; for HR, the participation report.
import type { HomeView as SlackHomeView, KnownBlock } from "@slack/types";
import type { HomeView } from "../../../core/ports/views/homeView";
import { clockTime, translator } from "../../../i18n";
import { escapeMrkdwn, link, mrkdwn, plain } from "./mrkdwn";
import { boardLines } from "../../shared/leaderboardLines";
import { slackMarkup } from "./slackMarkup";
import { hrHomeBlocks } from "./hrHome";

export function homeTab(view: HomeView, locale: string, timezone: string): SlackHomeView {
  const t = translator(locale);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t("home.title")) },
    {
      type: "section",
      text: mrkdwn(
        t("home.points", { total: slackMarkup.bold(String(view.points.total)), month: view.points.thisMonth }) +
          (view.points.rank ? `\n${t("home.rank", { rank: view.points.rank })}` : ""),
      ),
    },
    { type: "context", elements: [mrkdwn(view.linkedAs ? t("home.linked", { username: escapeMrkdwn(view.linkedAs) }) : t("home.notLinked"))] },
    { type: "divider" },
    { type: "section", text: mrkdwn(`*${t("home.claims")}*`) },
  ];
  if (view.claims.length) {
    for (const claim of view.claims.slice(0, 10)) {
      blocks.push({
        type: "section",
        text: mrkdwn(`${link(claim.url, claim.title)} · ${t("home.until", { time: clockTime(claim.until, locale, timezone) })}`),
      });
    }
  } else {
    blocks.push({ type: "context", elements: [mrkdwn(t("home.noClaims"))] });
  }
  blocks.push(
    { type: "divider" },
    { type: "section", text: mrkdwn(`*${t("home.top")}*\n${boardLines(view.top, locale, slackMarkup) || t("leaderboard.empty")}`) },
  );
  if (view.hr) blocks.push(...hrHomeBlocks(view.hr, locale));
  return { type: "home", blocks };
}
