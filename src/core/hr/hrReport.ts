// The HR participation report for a period and, optionally, one department: every figure an SQL aggregate.
import type { CoreDeps } from "../deps";
import type { LeaderboardRow } from "../model";
import type { WeeklyRow } from "../ports";
import { attributePoints } from "../charity/attribution";
import { isoWeeks, type ReportPeriod } from "./reportPeriod";

export interface HrReport {
  period: string;
  department: string | null;
  activeAdvocates: number;
  employeesKnown: number;
  /** Whole percent of known employees who were active; null when Advocate knows nobody. */
  participationPercent: number | null;
  answersPublished: number;
  medianFirstAnswerMs: number | null;
  solutionsAccepted: number;
  points: number;
  pointsPerCharity: Array<{ charity: string; points: number }>;
  top: LeaderboardRow[];
  weekly: WeeklyRow[];
}

const TOP = 5;

export async function hrReport(deps: CoreDeps, period: ReportPeriod, department: string | null): Promise<HrReport> {
  const { reports, charities } = deps.store;
  const { timezone } = deps.settings;
  const [activeAdvocates, known, answersPublished, medianFirstAnswerMs, accepted, unaccepted, points, rows, top, weekly, terms, list] = await Promise.all([
    reports.activeAdvocates(period, department),
    employeesKnown(deps, department),
    reports.answersPublished(period, department),
    reports.medianFirstAnswerMs(period, department),
    reports.countAwards(period, department, "solution_accepted"),
    reports.countAwards(period, department, "solution_unaccepted"),
    reports.points(period, department),
    reports.pointsByEmployee(period, department),
    reports.top(period, department, TOP),
    reports.weekly(period, department, timezone),
    charities.terms(period.to),
    charities.list(),
  ]);
  const eligible = new Set(list.filter((charity) => !charity.removedAt || charity.removedAt > period.to).map((charity) => charity.id));
  const names = new Map(list.map((charity) => [charity.id, charity.name]));
  const byWeek = new Map(weekly.map((row) => [row.week, row]));
  return {
    period: period.label,
    department,
    activeAdvocates,
    employeesKnown: known,
    participationPercent: known ? Math.round((activeAdvocates / known) * 100) : null,
    answersPublished,
    medianFirstAnswerMs,
    // Net of revocations: a solution unaccepted is no longer a solution.
    solutionsAccepted: accepted - unaccepted,
    points,
    pointsPerCharity: attributePoints(rows, eligible, terms.defaultCharityId).perCharity.map((line) => ({ charity: names.get(line.charityId) ?? `#${line.charityId}`, points: line.points })),
    top,
    // Quiet weeks are shown too, as zeros: a gap in a trend says something.
    weekly: isoWeeks(period, timezone).map((week) => byWeek.get(week) ?? { week, activeAdvocates: 0, answers: 0 }),
  };
}

/** HR's directory once imported (everyone, not only those who ever used Advocate); before that, who Advocate knows. */
async function employeesKnown(deps: CoreDeps, department: string | null): Promise<number> {
  const imported = (await deps.store.directory.count(null)) > 0;
  return imported ? deps.store.directory.count(department) : deps.store.reports.employeesKnown(department);
}
