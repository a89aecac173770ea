import type { LeaderboardRow } from "../../core/kernel/model";
import { translator } from "../../i18n";
import type { Markup } from "./markup";

const MEDALS = ["🥇", "🥈", "🥉"];

/** One line per row, medals for the top three. */
export function boardLines(rows: LeaderboardRow[], locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  return rows
    .map((row) => {
      const who = row.hidden ? t("leaderboard.colleague") : markup.person(row);
      return `${MEDALS[row.rank - 1] ?? `${row.rank}.`} ${who} · ${t("leaderboard.points", { count: row.points })}`;
    })
    .join("\n");
}
