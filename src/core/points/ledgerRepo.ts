// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { LeaderboardRow, TimeRange } from "../kernel/model";

/** One row of a person's ledger: what earned (or took back) points, and when. */
export interface LedgerEntry {
  points: number;
  reason: string;
  occurredAt: Date;
}

export interface LedgerRepo {
  /** Appends an award unless one with this source key exists; true when written. */
  award(input: { employeeId: string; points: number; reason: string; sourceKey: string; occurredAt: Date }): Promise<boolean>;
  total(employeeId: string, range: TimeRange): Promise<number>;
  /** Points earned in the range: positive awards only, so a revocation never makes room under the daily cap. */
  earned(employeeId: string, range: TimeRange): Promise<number>;
  /** How many awards have a source key starting with the prefix, and their net points. */
  tally(sourcePrefix: string): Promise<{ awards: number; points: number }>;
  /**
   * The top of a period, by its key (see periodKey): "all", "week:2026-W48", "month:2026-11", "quarter:2026-Q4";
   * with a department (any case), only its people, ranked among themselves.
   */
  leaderboard(period: string, limit: number, department?: string | null): Promise<LeaderboardRow[]>;
  rankOf(employeeId: string, period: string): Promise<LeaderboardRow | null>;
  /** The person's latest awards and revocations, newest first. */
  recent(employeeId: string, limit: number): Promise<LedgerEntry[]>;
}
