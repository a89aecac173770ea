// HR's part of the home tab: the participation report for the period and department they chose. A choice shown is a
// report viewed, so it is authorised and audited like the `report` command; a home redrawn for another reason
// (new points) offers the report without computing, or auditing, anything.
import type { CoreDeps } from "../deps";
import { authoriseReport, canSeeReports } from "../policy";
import { hrReport } from "./hrReport";
import { tooSmallToReport } from "./smallGroup";
import type { HrHome } from "../ports/views/reportView";
import { parseReportPeriod } from "./reportPeriod";
import type { HomeReportChoice } from "../ports/views/reportView";

/** Slack's select menus take at most 100 options. */
const MAX_DEPARTMENTS = 100;

export const DEFAULT_HOME_REPORT: HomeReportChoice = { period: "month", department: null };

/** Null for people who may not see reports: their home has no HR part at all. */
export async function hrHome(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  surface: string,
  userId: string,
  choice?: HomeReportChoice,
): Promise<HrHome | null> {
  const requester = { surface, userId };
  if (!choice) return (await canSeeReports(deps, requester)) ? { kind: "offer", departments: await deps.store.reports.departments(MAX_DEPARTMENTS) } : null;
  if (!(await authoriseReport(deps, requester, { what: "participation.home", period: choice.period, department: choice.department }))) return null;
  const departments = await deps.store.reports.departments(MAX_DEPARTMENTS);
  const period = parseReportPeriod(choice.period, deps.clock.now(), deps.settings.timezone);
  if (!period) return { kind: "bad_period", choice, departments };
  if (await tooSmallToReport(deps, choice.department)) return { kind: "small_group", choice, departments };
  return { kind: "report", choice, departments, report: await hrReport(deps, period, choice.department) };
}
