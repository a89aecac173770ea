// The leaderboard's table, as the leaderboard page and the office screen both draw it: rank, who, points.
import type { TFunction } from "i18next";
import { html, type Html } from "./html";

export interface BoardRow {
  rank: number;
  /** Null for someone who hides their name: "a colleague". */
  name: string | null;
  points: number;
  /** The viewer's own row, marked. */
  mine?: boolean;
}

export function boardTable(t: TFunction, rows: readonly BoardRow[], caption?: string): Html {
  return html`<table class="board">
    ${
      caption &&
      html`<caption>
        ${caption}
      </caption>`
    }
    <thead>
      <tr>
        <th scope="col">${t("console.leaderboard.rank")}</th>
        <th scope="col">${t("console.leaderboard.who")}</th>
        <th scope="col" class="number">${t("console.leaderboard.points")}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr${row.mine ? html` class="me"` : ""}>
            <td>${row.rank}</td>
            <td>${row.name ?? t("leaderboard.colleague")}</td>
            <td class="number">${row.points}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
