// What the office screen shows for a link: the month's leaderboard (people who hide their names as "a colleague",
// and no one's ids), the quarter's donations so far, and the latest customer story. Unknown or revoked: not found.
import type { CoreDeps } from "../deps";
import { quarterOf, quarterReport } from "../charity";
import { leaderboard } from "../points";
import { latestStory, type LatestStory } from "../stories";
import { hashWallToken } from "./wallLinks";

/** As many rows as a TV shows legibly. */
const LEADERS = 10;

export interface WallView {
  ok: true;
  label: string;
  /** The leaderboard of the month so far: name null for people who hide theirs ("a colleague"). */
  month: Array<{ rank: number; name: string | null; points: number }>;
  donations: { quarter: string; points: number; dueCents: number; perCharity: Array<{ charity: string; points: number; dueCents: number }> };
  story: LatestStory | null;
}

export async function wallFor(deps: Pick<CoreDeps, "store" | "clock" | "settings">, token: string): Promise<WallView | { ok: false; problem: "not_found" }> {
  const now = deps.clock.now();
  const link = token ? await deps.store.wallLinks.use(hashWallToken(token), now) : null;
  if (!link) return { ok: false, problem: "not_found" };
  const [board, report, story] = await Promise.all([
    leaderboard(deps, "month", null, LEADERS),
    quarterReport(deps, quarterOf(now, deps.settings.timezone)),
    latestStory(deps),
  ]);
  return {
    ok: true,
    label: link.label,
    month: board.top.map((row) => ({ rank: row.rank, name: row.hidden ? null : (row.displayName ?? null), points: row.points })),
    donations: {
      quarter: report.quarter,
      points: report.points,
      dueCents: report.dueCents,
      perCharity: report.lines.map((line) => ({ charity: line.charity.name, points: line.points, dueCents: line.dueCents })),
    },
    story,
  };
}
