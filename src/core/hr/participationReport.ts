// HR's participation report, as every surface asks for it (the `report` command, the HR home, the console): the
// request authorised and audited, the period read, a department under the minimum refused, then the figures. One
// use case, so that each surface shows the same numbers under the same rules.
import type { CoreDeps } from "../deps";
import type { HrReport } from "../ports/views/reportView";
import { authoriseReport, type Actor } from "../policy";
import { hrReport } from "./hrReport";
import { parseReportPeriod } from "./reportPeriod";
import { tooSmallToReport } from "./smallGroup";

export interface ReportAsk {
  /** week, month, quarter, year or YYYY-MM-DD..YYYY-MM-DD */
  period: string;
  department: string | null;
  /** What the audit calls it, e.g. participation, participation.csv, participation.home. */
  what: string;
}

export type ParticipationReport =
  | { ok: true; report: HrReport }
  | { ok: false; problem: "not_allowed" }
  | { ok: false; problem: "bad_report_period"; detail: string }
  | { ok: false; problem: "small_group"; detail: string };

export async function participationReport(deps: Pick<CoreDeps, "store" | "clock" | "settings">, who: Actor, ask: ReportAsk): Promise<ParticipationReport> {
  const period = parseReportPeriod(ask.period, deps.clock.now(), deps.settings.timezone);
  if (!(await authoriseReport(deps, who, { what: ask.what, period: period?.label ?? ask.period, department: ask.department }))) {
    return { ok: false, problem: "not_allowed" };
  }
  if (!period) return { ok: false, problem: "bad_report_period", detail: ask.period };
  if (await tooSmallToReport(deps, ask.department)) return { ok: false, problem: "small_group", detail: ask.department ?? "" };
  return { ok: true, report: await hrReport(deps, period, ask.department) };
}
