// `report [week|month|quarter|YYYY-MM-DD..YYYY-MM-DD] [department] [csv]`: HR's participation report, for those
// who may see reports; every request is audited. With `csv` it also comes as a file, sent through the outbox.
import type { CoreDeps } from "../deps";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import { actorEmployee, localeOf } from "../accounts";
import { participationReport } from "./participationReport";
import type { HrReport } from "../ports/views/reportView";
import { reportCsv, reportCsvFilename } from "./reportCsv";
import { parseReportPeriod } from "./reportPeriod";
import { lanes } from "../kernel/lanes";

const DEFAULT_PERIOD = "month";

export type ReportCommandReply =
  { type: "report"; report: HrReport } | { type: "report_sent"; filename: string } | CommandError<"not_allowed" | "bad_report_period" | "small_group">;

export async function reportCommand(deps: Pick<CoreDeps, "store" | "clock" | "settings">, ctx: CommandContext, words: string[]): Promise<ReportCommandReply> {
  const asCsv = words.at(-1)?.toLowerCase() === "csv";
  const args = asCsv ? words.slice(0, -1) : words;
  const [first = DEFAULT_PERIOD, ...rest] = args;
  const { timezone } = deps.settings;
  const now = deps.clock.now();
  let period = parseReportPeriod(first, now, timezone);
  let departmentWords = rest;
  // Without a period the words are the department (`report Customer Success`); a date that does not parse is a typo.
  if (!period && !/^\d{4}-/.test(first)) {
    period = parseReportPeriod(DEFAULT_PERIOD, now, timezone);
    departmentWords = args;
  }
  const department = departmentWords.join(" ") || null;
  const asked = await participationReport(deps, ctx, { what: asCsv ? "participation.csv" : "participation", period: period?.label ?? first, department });
  if (!asked.ok) return "detail" in asked ? { type: "error", problem: asked.problem, detail: asked.detail } : { type: "error", problem: asked.problem };
  if (!asCsv) return { type: "report", report: asked.report };
  return { type: "report_sent", filename: await sendCsv(deps, ctx, asked.report) };
}

async function sendCsv(deps: Pick<CoreDeps, "store" | "settings">, ctx: CommandContext, report: HrReport): Promise<string> {
  const file = { filename: reportCsvFilename(report), title: `Advocate report ${report.period}`, content: reportCsv(report), trend: report.weekly };
  const locale = localeOf(deps, await actorEmployee(deps, ctx));
  if (ctx.surface !== "slack" && ctx.surface !== "teams") throw new Error(`no files on ${ctx.surface}`);
  await deps.store.outbox.enqueue(
    { kind: "chat.sendFile", surface: ctx.surface, userId: ctx.userId, locale, file },
    { lane: lanes.user(ctx.surface, ctx.userId) },
  );
  return file.filename;
}
