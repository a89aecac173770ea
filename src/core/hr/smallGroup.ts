// No report on a group so small that its people could be singled out (what a works council asks): a department
// with fewer known people than ADVOCATE_MIN_GROUP_SIZE is refused, saying only that it is too small. The whole
// company is not such a group.
import type { CoreDeps } from "../deps";
import { employeesKnown } from "./hrReport";

export async function tooSmallToReport(deps: Pick<CoreDeps, "store" | "settings">, department: string | null): Promise<boolean> {
  return department !== null && (await employeesKnown(deps, department)) < deps.settings.minGroupSize;
}
