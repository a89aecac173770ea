// The participation report's two charts, each an image named by a summary in words and followed by a table of the
// same figures (what keyboard and screen-reader users read): the weekly trend, and participation per department
// (a department under the minimum group size shows only that it is smaller).
import type { TFunction } from "i18next";
import type { HrReport } from "../../core/ports/views/reportView";
import { departmentChartSvg, type DepartmentFigures } from "../../chat/shared/departmentChart";
import { trendChartSvg } from "../../chat/shared/trendChart";
import type { ChartEngine } from "../../chat/shared/chartEngine";
import { fromChartSvg, html, type Html } from "./html";
import { wideTable } from "./wideTable";

const percent = (value: number | null) => (value === null ? "–" : `${value}%`);

export function trendSection(t: TFunction, charts: ChartEngine, weekly: HrReport["weekly"]): Html {
  const first = weekly[0];
  const last = weekly.at(-1);
  const active = weekly.map((row) => row.activeAdvocates);
  const answers = weekly.map((row) => row.answers);
  const summary =
    first && last
      ? t("console.report.trendSummary", {
          first: first.week,
          last: last.week,
          minActive: Math.min(...active),
          maxActive: Math.max(...active),
          minAnswers: Math.min(...answers),
          maxAnswers: Math.max(...answers),
        })
      : "";
  const labels = { active: t("report.chartActive"), answers: t("report.chartAnswers") };
  return html`<section aria-labelledby="trend">
    <h2 id="trend">${t("report.trendTitle")}</h2>
    ${first && html`<figure class="chart">${fromChartSvg(trendChartSvg(charts, weekly, labels, summary))}</figure>`}
    <table>
      <thead>
        <tr>
          <th scope="col">${t("console.report.week")}</th>
          <th scope="col" class="number">${labels.active}</th>
          <th scope="col" class="number">${labels.answers}</th>
        </tr>
      </thead>
      <tbody>
        ${weekly.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.week}</th>
              <td class="number">${row.activeAdvocates}</td>
              <td class="number">${row.answers}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

export function departmentSection(t: TFunction, charts: ChartEngine, rows: HrReport["departments"], minGroupSize: number): Html {
  const shown = rows.filter((row): row is DepartmentFigures => !row.tooSmall);
  const withheld = rows.length - shown.length;
  const byRate = [...shown].sort((a, b) => (b.participationPercent ?? 0) - (a.participationPercent ?? 0));
  const [top, bottom] = [byRate[0], byRate.at(-1)];
  const summary = [
    top && bottom
      ? t("console.report.departmentSummary", {
          count: shown.length,
          top: top.department,
          topRate: percent(top.participationPercent),
          bottom: bottom.department,
          bottomRate: percent(bottom.participationPercent),
        })
      : "",
    withheld ? t("console.report.departmentsWithheld", { count: withheld, min: minGroupSize }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  return html`<section aria-labelledby="departments">
    <h2 id="departments">${t("console.report.departments")}</h2>
    ${shown.length > 0 && html`<figure class="chart">${fromChartSvg(departmentChartSvg(charts, shown, t("console.report.participation"), summary))}</figure>`}
    ${wideTable(
      t("console.report.departments"),
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t("console.report.department")}</th>
            <th scope="col" class="number">${t("console.report.people")}</th>
            <th scope="col" class="number">${t("report.chartActive")}</th>
            <th scope="col" class="number">${t("console.report.participation")}</th>
            <th scope="col" class="number">${t("report.chartAnswers")}</th>
            <th scope="col" class="number">${t("console.leaderboard.points")}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) =>
            row.tooSmall
              ? html`<tr>
                  <th scope="row">${row.department}</th>
                  <td colspan="5">${t("console.report.fewerThan", { min: minGroupSize })}</td>
                </tr>`
              : html`<tr>
                  <th scope="row">${row.department}</th>
                  <td class="number">${row.people}</td>
                  <td class="number">${row.activeAdvocates}</td>
                  <td class="number">${percent(row.participationPercent)}</td>
                  <td class="number">${row.answersPublished}</td>
                  <td class="number">${row.points}</td>
                </tr>`,
          )}
        </tbody>
      </table>`,
    )}
  </section>`;
}
