// The employee's home: my points, my open claims, the top 5, where my points go; for HR, the report pickers.
import type { CoreDeps } from "../deps";
import { leaderboard, myPoints } from "./leaderboard";
import type { HomeView } from "../ports/views/homeView";
import { refreshHome } from "../notices";
import { hrHome } from "../hr";
import { myCharityShare } from "../charity";
import type { Principal } from "../policy";
import type { HomeReportChoice } from "../ports/views/reportView";

/** The home of whoever `viewer` is, as their chat authenticated them: it shows nobody else's. */
export async function buildHomeView(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  viewer: Principal & { surface: string },
  report?: HomeReportChoice,
): Promise<HomeView> {
  const employee = await deps.store.employees.ensure(viewer.surface, viewer.userId);
  const [points, claims, board, charity, hr] = await Promise.all([
    myPoints(deps, employee.id),
    deps.store.questions.openClaimsOf(employee.id, deps.clock.now()),
    leaderboard(deps, "month", employee.id, 5),
    myCharityShare(deps, employee.id),
    hrHome(deps, viewer, report),
  ]);
  return {
    points,
    linkedAs: employee.communityUsername,
    claims: claims.map((q) => ({ title: q.title, url: q.url, until: q.claimExpiresAt ?? deps.clock.now() })),
    top: board.top,
    charity,
    hr,
  };
}

/**
 * Someone opened their home, asked for it, or chose a report on it: redraw it through the outbox (paced, retried).
 * `asked`: they want to see it now, so a surface without a home tab shows it anew rather than redraw one shown.
 */
export async function requestHome(
  deps: Pick<CoreDeps, "store">,
  surface: string,
  userId: string,
  options: { report?: HomeReportChoice; asked?: boolean } = {},
): Promise<void> {
  const employee = await deps.store.employees.ensure(surface, userId);
  await refreshHome(deps.store, employee, { ...options, identity: { surface, userId } });
}
