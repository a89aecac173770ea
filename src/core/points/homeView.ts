// The employee's home: my points, my open claims, the top 5.
import type { CoreDeps } from "../deps";
import { leaderboard, myPoints } from "./leaderboard";
import type { HomeView } from "../ports/views/homeView";
import { refreshHome } from "../notices";
import { hrHome } from "../hr";
import type { HomeReportChoice } from "../ports/views/reportView";

export async function buildHomeView(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  surface: string,
  userId: string,
  report?: HomeReportChoice,
): Promise<HomeView> {
  const employee = await deps.store.employees.ensure(surface, userId);
  const [points, claims, board, hr] = await Promise.all([
    myPoints(deps, employee.id),
    deps.store.questions.openClaimsOf(employee.id, deps.clock.now()),
    leaderboard(deps, "month", employee.id, 5),
    hrHome(deps, surface, userId, report),
  ]);
  return {
    points,
    linkedAs: employee.communityUsername,
    claims: claims.map((q) => ({ title: q.title, url: q.url, until: q.claimExpiresAt ?? deps.clock.now() })),
    top: board.top,
    hr,
  };
}

/** Someone opened their home, or chose a report on it: redraw it through the outbox (paced, retried). */
export async function requestHome(deps: Pick<CoreDeps, "store">, surface: string, userId: string, report?: HomeReportChoice): Promise<void> {
  const employee = await deps.store.employees.ensure(surface, userId);
  await refreshHome(deps.store, employee, report);
}
