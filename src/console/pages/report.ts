// HR's participation report, the same use case as chat's `report` (authorised and audited, the small-group rule):
// by period and department, with its charts, and as CSV. A department Advocate does not know is ignored and said so.
import { departments, participationReport, reportCsv, reportCsvFilename, type ParticipationReport } from "../../core/hr";
import type { ConsoleRequest, SignedIn } from "../route";
import { forbiddenPage, pageResponse } from "../pageFrame";
import { reportView, type ReportChoice } from "../presenters/reportView";
import { CONSOLE_PATH, signedInRoute } from "../route";
import { chartEngine } from "../../chat/shared/chartEngine";

const REPORT = `${CONSOLE_PATH}/report`;
const PERIODS = ["week", "month", "quarter", "year"] as const;
const DEFAULT_PERIOD = "month";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** As long as chat's longest period word or range; anything longer is not a period. */
const MAX_PERIOD = 40;

interface Asked {
  choice: ReportChoice;
  known: string[];
  unknownDepartment: boolean;
  asked: ParticipationReport;
}

/** The choice in the address, read as the pickers offer it, then the report (audited as `what`). */
async function ask(request: ConsoleRequest<SignedIn>, what: string): Promise<Asked> {
  const { deps } = request.services;
  const { query } = request;
  const day = (value: string | undefined) => (value && DAY.test(value) ? value : "");
  const [from, to] = [day(query.from), day(query.to)];
  const period = from && to ? `${from}..${to}` : (query.period ?? "").trim().toLowerCase().slice(0, MAX_PERIOD) || DEFAULT_PERIOD;
  const known = await departments(deps);
  const typed = query.department?.trim() ?? "";
  // Only a department Advocate knows, in any case: nothing else reaches the report or its audit.
  const department = known.find((name) => name.toLowerCase() === typed.toLowerCase()) ?? null;
  const asked = await participationReport(deps, request.session.principal, { what, period, department });
  return { choice: { period, from, to, department }, known, unknownDepartment: typed !== "" && department === null, asked };
}

export const reportPage = signedInRoute({
  method: "GET",
  path: "/report",
  access: "hr",
  nav: "console.nav.report",
  async handle(request) {
    const { t } = request;
    const { choice, known, unknownDepartment, asked } = await ask(request, "participation.console");
    if (!asked.ok && asked.problem === "not_allowed") return forbiddenPage(request);
    const csvHref = `${REPORT}/csv?${new URLSearchParams({ period: choice.period, department: choice.department ?? "" })}`;
    const shown = asked.ok
      ? { report: asked.report, csvHref, charts: await chartEngine() }
      : {
          message:
            asked.problem === "small_group"
              ? t("console.report.smallGroup", { department: asked.detail, min: request.services.deps.settings.minGroupSize })
              : t("console.report.badPeriod", { period: asked.detail }),
        };
    const body = reportView(t, {
      action: REPORT,
      periods: PERIODS,
      departments: known,
      choice,
      notice: unknownDepartment ? t("console.report.unknownDepartment") : null,
      minGroupSize: request.services.deps.settings.minGroupSize,
      shown,
    });
    const status = !asked.ok && asked.problem === "bad_report_period" ? 400 : 200;
    return pageResponse(request, t("console.report.title"), body, status);
  },
});

export const reportCsvDownload = signedInRoute({
  method: "GET",
  path: "/report/csv",
  access: "hr",
  async handle(request) {
    const { asked } = await ask(request, "participation.console.csv");
    if (asked.ok) return { kind: "download", filename: reportCsvFilename(asked.report), type: "text/csv; charset=utf-8", content: reportCsv(asked.report) };
    if (asked.problem === "not_allowed") return forbiddenPage(request);
    // No file without figures: back to the page, which says why.
    return { kind: "redirect", to: request.path.replace(`${REPORT}/csv`, REPORT) };
  },
});
