// The whole company's report, per department: each department's known people, active advocates, participation,
// answers and points. The ledger's figures come from the report's own pass over it (the advocates, each with their
// department), so this adds no second pass; two small queries give the sizes and the answers. A department under
// ADVOCATE_MIN_GROUP_SIZE shows no figure, only that it is too small, as when it is asked for alone.
import type { CoreDeps } from "../deps";
import type { AdvocateTotals, DepartmentRow } from "../ports/views/reportView";
import type { ReportPeriod } from "./reportPeriod";
import { belowMinimum } from "./smallGroup";

interface Activity {
  activeAdvocates: number;
  points: number;
}

/** `advocates`: the company's, for the same period (hrReport's). */
export async function departmentRows(deps: Pick<CoreDeps, "store" | "settings">, period: ReportPeriod, advocates: AdvocateTotals[]): Promise<DepartmentRow[]> {
  // As employeesKnown counts: HR's directory once imported, before that the employees Advocate knows.
  const imported = await deps.store.directory.imported();
  const [sizes, answers] = await Promise.all([
    deps.store.reports.departmentSizes(imported ? "directory" : "employees"),
    deps.store.reports.answersByDepartment(period),
  ]);
  const activity = activityByDepartment(advocates);
  const answersOf = new Map(answers.map((row) => [row.department, row.answers]));
  return sizes
    .sort((a, b) => a.department.localeCompare(b.department))
    .map(({ department, people }): DepartmentRow => {
      if (belowMinimum(people, deps.settings)) return { department, tooSmall: true };
      const key = department.toLowerCase();
      const activeAdvocates = activity.get(key)?.activeAdvocates ?? 0;
      return {
        department,
        tooSmall: false,
        people,
        activeAdvocates,
        participationPercent: people ? Math.round((activeAdvocates / people) * 100) : null,
        answersPublished: answersOf.get(key) ?? 0,
        points: activity.get(key)?.points ?? 0,
      };
    });
}

/** Per department in lower case (departments that differ only in case are one): active advocates and net points. */
function activityByDepartment(advocates: AdvocateTotals[]): Map<string, Activity> {
  const byDepartment = new Map<string, Activity>();
  for (const row of advocates) {
    if (row.department === null) continue;
    const key = row.department.toLowerCase();
    const activity = byDepartment.get(key) ?? { activeAdvocates: 0, points: 0 };
    activity.activeAdvocates += row.positiveAwards > 0 ? 1 : 0;
    activity.points += row.points;
    byDepartment.set(key, activity);
  }
  return byDepartment;
}
