// The HR participation report for a period and, optionally, one department: every figure an SQL aggregate.
import type { CoreDeps } from "../deps";
import type { LeaderboardRow } from "../kernel/model";
import type { AdvocateTotals, HrReport } from "../ports/views/reportView";
import { attributePoints } from "../charity";
import { isoWeeks, type ReportPeriod } from "./reportPeriod";
import { departmentRows } from "./departmentRows";
import { employeesKnown } from "./smallGroup";

const TOP = 5;

export async function hrReport(deps: Pick<CoreDeps, "store" | "clock" | "settings">, period: ReportPeriod, department: string | null): Promise<HrReport> {
  const { reports, charities } = deps.store;
  const { timezone } = deps.settings;
  const weeks = isoWeeks(period, timezone);
  const advocatesAsked = reports.advocates(period, department);
  const [advocates, known, answersPublished, medianFirstAnswerMs, weekly, terms, list, promises, departments] = await Promise.all([
    advocatesAsked,
    employeesKnown(deps, department),
    reports.answersPublished(period, department),
    reports.medianFirstAnswerMs(period, department),
    reports.weekly(period, department, weeks),
    charities.terms(period.to),
    charities.list(),
    reports.promisesKept(period, deps.clock.now()),
    // The company's rows per department reuse its one pass over the ledger.
    department === null ? advocatesAsked.then((company) => departmentRows(deps, period, company)) : [],
  ]);
  const eligible = new Set(list.filter((charity) => !charity.removedAt || charity.removedAt > period.to).map((charity) => charity.id));
  const names = new Map(list.map((charity) => [charity.id, charity.name]));
  const byWeek = new Map(weekly.map((row) => [row.week, row]));
  const activeAdvocates = advocates.filter((row) => row.positiveAwards > 0).length;
  const sum = (pick: (row: AdvocateTotals) => number) => advocates.reduce((total, row) => total + pick(row), 0);
  return {
    period: period.label,
    department,
    activeAdvocates,
    employeesKnown: known,
    participationPercent: known ? Math.round((activeAdvocates / known) * 100) : null,
    answersPublished,
    medianFirstAnswerMs,
    // Net of revocations: a solution unaccepted is no longer a solution.
    solutionsAccepted: sum((row) => row.solutionsAccepted) - sum((row) => row.solutionsUnaccepted),
    points: sum((row) => row.points),
    pointsPerCharity: attributePoints(advocates, eligible, terms.defaultCharityId).perCharity.map((line) => ({
      charity: names.get(line.charityId) ?? `#${line.charityId}`,
      points: line.points,
    })),
    top: topAdvocates(advocates, TOP),
    // Quiet weeks are shown too, as zeros: a gap in a trend says something.
    weekly: weeks.map(({ week }) => byWeek.get(week) ?? { week, activeAdvocates: 0, answers: 0 }),
    departments,
    promises,
  };
}

/** Net points above 0, most first (then by name); equal points share a rank, as on the leaderboard. */
function topAdvocates(advocates: AdvocateTotals[], limit: number): LeaderboardRow[] {
  const ranked = advocates.filter((row) => row.points > 0).sort((a, b) => b.points - a.points || (a.displayName ?? "").localeCompare(b.displayName ?? ""));
  return ranked.slice(0, limit).map(({ employeeId, displayName, externalId, surface, points }) => ({
    employeeId,
    displayName,
    externalId,
    surface,
    points,
    rank: 1 + ranked.findIndex((row) => row.points === points),
  }));
}
