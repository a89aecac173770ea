// The whole company's report, per department: each department's known people, active advocates, participation,
// answers and points, two queries in all. A department under ADVOCATE_MIN_GROUP_SIZE shows no figure, only that it
// is too small, as when it is asked for alone.
import type { CoreDeps } from "../deps";
import type { DepartmentRow } from "../ports/views/reportView";
import type { ReportPeriod } from "./reportPeriod";
import { belowMinimum } from "./smallGroup";

export async function departmentRows(deps: Pick<CoreDeps, "store" | "settings">, period: ReportPeriod): Promise<DepartmentRow[]> {
  // As employeesKnown counts: HR's directory once imported, before that the employees Advocate knows.
  const imported = await deps.store.directory.imported();
  const [sizes, activity] = await Promise.all([
    deps.store.reports.departmentSizes(imported ? "directory" : "employees"),
    deps.store.reports.byDepartment(period),
  ]);
  const byName = new Map(activity.map((row) => [row.department.toLowerCase(), row]));
  return sizes
    .sort((a, b) => a.department.localeCompare(b.department))
    .map(({ department, people }): DepartmentRow => {
      if (belowMinimum(people, deps.settings)) return { department, tooSmall: true };
      const active = byName.get(department.toLowerCase());
      const activeAdvocates = active?.activeAdvocates ?? 0;
      return {
        department,
        tooSmall: false,
        people,
        activeAdvocates,
        participationPercent: people ? Math.round((activeAdvocates / people) * 100) : null,
        answersPublished: active?.answersPublished ?? 0,
        points: active?.points ?? 0,
      };
    });
}
