// The words of HR's participation report, for every surface.
import type { HrReport } from "../../core/ports/views/reportView";
import { translator } from "../../i18n";
import { boardLines } from "./leaderboardLines";
import type { Markup } from "./markup";

export function hrReportText(report: HrReport, locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  const scope = report.department ? t("report.department", { department: markup.escape(report.department) }) : t("report.company");
  const participation = report.participationPercent === null ? "–" : `${report.participationPercent}%`;
  const charities = report.pointsPerCharity.map((line) => `${markup.escape(line.charity)} ${line.points}`).join(" · ");
  const weeks = report.weekly.map((row) => t("report.week", { week: row.week, active: row.activeAdvocates, answers: row.answers }));
  return [
    markup.bold(t("report.title", { period: markup.escape(report.period), scope })),
    t("report.participation", { active: report.activeAdvocates, known: report.employeesKnown, rate: participation }),
    t("report.answers", { answers: report.answersPublished, median: waitText(report.medianFirstAnswerMs, t) }),
    t("report.solutions", { solutions: report.solutionsAccepted, points: report.points }),
    t("report.charities", { charities: charities || "–" }),
    markup.bold(t("report.topTitle")),
    boardLines(report.top, locale, markup) || t("leaderboard.empty"),
    markup.bold(t("report.trendTitle")),
    ...weeks,
    ...(report.promises.length
      ? [
          markup.bold(t("report.promisesTitle")),
          ...report.promises.map((row) =>
            t("report.promiseLine", {
              channel: markup.channel(row, (surface) => t("rules.otherSurface", { surface })),
              kept: row.kept,
              decided: row.decided,
              rate: Math.round((row.kept / row.decided) * 100),
            }),
          ),
        ]
      : []),
  ].join("\n");
}

/** Minutes under an hour, else hours and minutes: a wait people can picture. */
export function waitText(ms: number | null, t: ReturnType<typeof translator>): string {
  if (ms === null) return "–";
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? t("report.minutes", { minutes }) : t("report.hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
