import type { CoreDeps } from "../deps";
import type { LeaderboardRow } from "../kernel/model";
import { periodKey, periodRange, type Period } from "./periods";
import type { MyPointsView } from "../ports/views/homeView";
import type { LedgerEntry } from "./ledgerRepo";

export interface LeaderboardView {
  period: Period;
  top: LeaderboardRow[];
  /** The viewer's own row over everyone; null when they have no points, or the board is one department's. */
  me: LeaderboardRow | null;
}

export async function leaderboard(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  period: Period,
  employeeId: string | null,
  limit = 10,
  department: string | null = null,
): Promise<LeaderboardView> {
  const key = periodKey(period, deps.clock.now(), deps.settings.timezone);
  const top = await deps.store.ledger.leaderboard(key, limit, department);
  const me = employeeId && !department ? await deps.store.ledger.rankOf(employeeId, key) : null;
  return { period, top: top.map((row) => asSeenBy(row, employeeId)), me };
}

/** Someone who chose `privacy hide` is "a colleague" to everyone but themselves: no name, no id, only the points. */
function asSeenBy(row: LeaderboardRow, viewerId: string | null): LeaderboardRow {
  if (!row.hidden || row.employeeId === viewerId) return { ...row, hidden: false };
  return { ...row, employeeId: "", displayName: null, externalId: "", hidden: true };
}

/** The person's latest ledger rows, newest first. */
export function myHistory(deps: Pick<CoreDeps, "store">, employeeId: string, limit: number): Promise<LedgerEntry[]> {
  return deps.store.ledger.recent(employeeId, limit);
}

export async function myPoints(deps: Pick<CoreDeps, "store" | "clock" | "settings">, employeeId: string): Promise<MyPointsView> {
  const now = deps.clock.now();
  const all = periodRange("all", now, deps.settings.timezone);
  const month = periodRange("month", now, deps.settings.timezone);
  const [total, thisMonth, mine] = await Promise.all([
    deps.store.ledger.total(employeeId, all),
    deps.store.ledger.total(employeeId, month),
    deps.store.ledger.rankOf(employeeId, "all"),
  ]);
  return { total, thisMonth, rank: mine?.rank ?? null };
}
