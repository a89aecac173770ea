import type { LeaderboardRow } from "../../../core/model";
import { translator } from "../../../i18n";
import { escapeMrkdwn } from "./mrkdwn";

const MEDALS = ["🥇", "🥈", "🥉"];

/** One line per row; Slack users are mentioned by id so that Slack shows their current name. */
export function boardLines(rows: LeaderboardRow[], locale: string): string {
  const t = translator(locale);
  return rows
    .map((row) => {
      const who = row.surface === "slack" ? `<@${row.externalId}>` : escapeMrkdwn(row.displayName ?? row.externalId);
      return `${MEDALS[row.rank - 1] ?? `${row.rank}.`} ${who} · ${t("leaderboard.points", { count: row.points })}`;
    })
    .join("\n");
}
