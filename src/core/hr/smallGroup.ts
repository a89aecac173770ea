// No report on a group so small that its people could be singled out (what a works council asks): a department
// with fewer known people than ADVOCATE_MIN_GROUP_SIZE is refused, saying only that it is too small. The whole
// company is not such a group.
import type { CoreDeps, CoreSettings } from "../deps";

export const belowMinimum = (people: number, settings: Pick<CoreSettings, "minGroupSize">) => people < settings.minGroupSize;

export async function tooSmallToReport(deps: Pick<CoreDeps, "store" | "settings">, department: string | null): Promise<boolean> {
  return department !== null && belowMinimum(await employeesKnown(deps, department), deps.settings);
}

/** HR's directory once imported (everyone, not only those who ever used Advocate); before that, who Advocate knows. */
export async function employeesKnown(deps: Pick<CoreDeps, "store">, department: string | null): Promise<number> {
  const imported = await deps.store.directory.imported();
  return imported ? deps.store.directory.count(department) : deps.store.reports.employeesKnown(department);
}
