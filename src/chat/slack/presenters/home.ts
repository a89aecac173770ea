// The App Home tab: my points, my open claims, the top 5 of the month, my charity; for HR, the participation report.
import type { HomeView as SlackHomeView, KnownBlock } from "@slack/types";
import type { HomeView } from "../../../core/ports/views/homeView";
import { mrkdwn, plain } from "./mrkdwn";
import { homeText } from "../../shared/homeText";
import { slackMarkup } from "./slackMarkup";
import { hrHomeBlocks } from "./hrHome";

export function homeTab(view: HomeView, locale: string, timezone: string): SlackHomeView {
  const text = homeText(view, locale, timezone, slackMarkup);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(text.title) },
    { type: "section", text: mrkdwn(text.points) },
    { type: "context", elements: [mrkdwn(text.linked)] },
    { type: "context", elements: [mrkdwn(text.charity)] },
    { type: "divider" },
    { type: "section", text: mrkdwn(`*${text.claimsTitle}*`) },
    ...(text.claims.length
      ? text.claims.map((line): KnownBlock => ({ type: "section", text: mrkdwn(line) }))
      : [{ type: "context" as const, elements: [mrkdwn(text.noClaims)] }]),
    { type: "divider" },
    { type: "section", text: mrkdwn(`*${text.topTitle}*\n${text.top}`) },
  ];
  if (view.hr) blocks.push(...hrHomeBlocks(view.hr, locale));
  return { type: "home", blocks };
}
