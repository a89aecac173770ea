// HR's part of the home tab: the participation report for the period and department they chose. A choice shown is a
// report viewed, so it is authorised and audited like the `report` command; a home redrawn for another reason
// (new points) offers the report without computing, or auditing, anything.
import type { CoreDeps } from "../deps";
import { canSeeReports, type Principal } from "../policy";
import type { HrHome } from "../ports/views/reportView";
import { participationReport } from "./participationReport";
import type { HomeReportChoice } from "../ports/views/reportView";
import { departments } from "./departments";

export const DEFAULT_HOME_REPORT: HomeReportChoice = { period: "month", department: null };

/** Null for people who may not see reports: their home has no HR part at all. */
export async function hrHome(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  requester: Principal & { surface: string },
  choice?: HomeReportChoice,
): Promise<HrHome | null> {
  if (!choice) return (await canSeeReports(deps, requester)) ? { kind: "offer", departments: await departments(deps) } : null;
  const asked = await participationReport(deps, requester, { what: "participation.home", period: choice.period, department: choice.department });
  if (!asked.ok && asked.problem === "not_allowed") return null;
  const known = await departments(deps);
  if (asked.ok) return { kind: "report", choice, departments: known, report: asked.report };
  return { kind: asked.problem === "small_group" ? "small_group" : "bad_period", choice, departments: known };
}
