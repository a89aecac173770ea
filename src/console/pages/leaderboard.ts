// The leaderboard, the same use case as chat's `leaderboard`: by period and, optionally, department; people who
// chose to hide their names are "a colleague" to everyone but themselves.
import { departments } from "../../core/hr";
import { PERIODS, isPeriod, leaderboard } from "../../core/points";
import { pageResponse } from "../pageFrame";
import { leaderboardView } from "../presenters/leaderboardView";
import { CONSOLE_PATH, signedInRoute } from "../route";

/** As many rows as a phone scrolls through comfortably. */
const ROWS = 25;

export const leaderboardPage = signedInRoute({
  method: "GET",
  path: "/leaderboard",
  access: "anyone",
  nav: "console.nav.leaderboard",
  async handle(request) {
    const { deps } = request.services;
    const asked = (request.query.period ?? "month").toLowerCase();
    const period = isPeriod(asked) ? asked : "month";
    const known = await departments(deps);
    // Only a department Advocate knows: the picker's own values, in any case.
    const department = known.find((name) => name.toLowerCase() === request.query.department?.trim().toLowerCase()) ?? null;
    const viewerId = request.session.employee.id;
    const board = await leaderboard(deps, period, viewerId, ROWS, department);
    const body = leaderboardView(request.t, { board, periods: PERIODS, departments: known, department, viewerId, action: `${CONSOLE_PATH}/leaderboard` });
    return pageResponse(request, request.t("console.nav.leaderboard"), body);
  },
});
