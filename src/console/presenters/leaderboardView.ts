// The leaderboard as a table, with its period and department pickers (a GET form: the choice is in the address).
import type { TFunction } from "i18next";
import type { LeaderboardView } from "../../core/points";
import { boardTable } from "./boardTable";
import { html, type Html } from "./html";

export interface LeaderboardModel {
  board: LeaderboardView;
  periods: readonly string[];
  departments: string[];
  department: string | null;
  /** The viewer's own employee id, to mark their row. */
  viewerId: string;
  action: string;
}

export function leaderboardView(t: TFunction, model: LeaderboardModel): Html {
  const { board } = model;
  const selected = (on: boolean) => (on ? html`selected` : "");
  const caption = [t(`leaderboard.title.${board.period}`), model.department && t("console.leaderboard.inDepartment", { department: model.department })]
    .filter(Boolean)
    .join(" · ");
  return html`<form class="filters" method="get" action="${model.action}" aria-label="${t("console.leaderboard.filters")}">
      <label
        >${t("console.leaderboard.period")}
        <select name="period">
          ${model.periods.map((period) => html`<option value="${period}" ${selected(period === board.period)}>${t(`console.leaderboard.periods.${period}`)}</option>`)}
        </select>
      </label>
      <label
        >${t("console.leaderboard.department")}
        <select name="department">
          <option value="" ${selected(!model.department)}>${t("console.leaderboard.everyone")}</option>
          ${model.departments.map((name) => html`<option ${selected(name === model.department)}>${name}</option>`)}
        </select>
      </label>
      <button type="submit">${t("console.leaderboard.show")}</button>
    </form>
    ${
      board.top.length === 0
        ? html`<p class="message">${t("leaderboard.empty")}</p>`
        : boardTable(
            t,
            board.top.map((row) => ({
              rank: row.rank,
              name: row.hidden ? null : (row.displayName ?? row.externalId),
              points: row.points,
              mine: row.employeeId === model.viewerId,
            })),
            caption,
          )
    }
    ${board.me && html`<p class="you">${t("leaderboard.you", { rank: board.me.rank, count: board.me.points })}</p>`}`;
}
