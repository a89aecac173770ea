// The HR report as CSV (RFC 4180, a section per table), for spreadsheets: headers in English, numbers unformatted.
import type { HrReport } from "../ports/views/reportView";

export function reportCsv(report: HrReport): string {
  const rows: Array<Array<string | number>> = [
    ["period", report.period],
    ["department", report.department ?? "all"],
    ["active_advocates", report.activeAdvocates],
    ["employees_known", report.employeesKnown],
    ["participation_percent", report.participationPercent ?? ""],
    ["answers_published", report.answersPublished],
    ["median_minutes_to_first_answer", report.medianFirstAnswerMs === null ? "" : Math.round(report.medianFirstAnswerMs / 60_000)],
    ["solutions_accepted", report.solutionsAccepted],
    ["points", report.points],
    [],
    ["charity", "points"],
    ...report.pointsPerCharity.map((line) => [line.charity, line.points]),
    [],
    ["rank", "advocate", "points"],
    ...report.top.map((row) => [row.rank, row.displayName ?? row.externalId, row.points]),
    [],
    ["week", "active_advocates", "answers"],
    ...report.weekly.map((row) => [row.week, row.activeAdvocates, row.answers]),
    [],
    // A department under the minimum group size shows its name and no figure.
    ["department", "people", "active_advocates", "participation_percent", "answers_published", "points"],
    ...report.departments.map((row) =>
      row.tooSmall
        ? [row.department, "", "", "", "", ""]
        : [row.department, row.people, row.activeAdvocates, row.participationPercent ?? "", row.answersPublished, row.points],
    ),
    [],
    ["surface", "channel", "promises_decided", "promises_kept", "kept_percent"],
    ...report.promises.map((row) => [row.surface, row.channelId, row.decided, row.kept, Math.round((row.kept / row.decided) * 100)]),
  ];
  return rows.map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

/** e.g. advocate-report-month-Customer_Success.csv: the same name in chat and in the console. */
export function reportCsvFilename(report: HrReport): string {
  const name = [report.period, report.department]
    .filter(Boolean)
    .join("-")
    .replace(/[^A-Za-z0-9.-]+/g, "_");
  return `advocate-report-${name}.csv`;
}

/** Quoted when it holds a comma, quote or line break; a leading = + - @ is defused, so no cell runs as a formula. */
function field(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
