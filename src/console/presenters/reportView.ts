// HR's participation report: its pickers (a GET form: the choice is in the address), then the chat report's figures,
// its two charts with their tables, and the CSV; or, instead of figures, why there are none.
import type { TFunction } from "i18next";
import type { HrReport } from "../../core/ports/views/reportView";
import { waitText } from "../../chat/shared/hrReportText";
import { html, type Html } from "./html";
import { departmentSection, trendSection } from "./reportCharts";
import type { ChartEngine } from "../../chat/shared/chartEngine";

export interface ReportChoice {
  /** One of `periods`, or a range of the two dates. */
  period: string;
  from: string;
  to: string;
  department: string | null;
}

export interface ReportModel {
  action: string;
  periods: readonly string[];
  departments: string[];
  choice: ReportChoice;
  /** Said above the figures, e.g. that the department asked for is not known. */
  notice: string | null;
  minGroupSize: number;
  /** With figures, the charts' engine too (loaded when a report is first drawn). */
  shown: { report: HrReport; csvHref: string; charts: ChartEngine } | { message: string };
}

export function reportView(t: TFunction, model: ReportModel): Html {
  return html`${filters(t, model)} ${model.notice && html`<p class="message" role="status">${model.notice}</p>`}
  ${"message" in model.shown ? html`<p class="message">${model.shown.message}</p>` : figures(t, model.shown, model.minGroupSize)}`;
}

function filters(t: TFunction, model: ReportModel): Html {
  const { choice } = model;
  const selected = (on: boolean) => (on ? html` selected` : "");
  return html`<form class="filters" method="get" action="${model.action}" aria-label="${t("console.report.filters")}">
    <label
      >${t("console.leaderboard.period")}
      <select name="period">
        ${model.periods.map((period) => html`<option value="${period}" ${selected(period === choice.period)}>${t(`console.report.periods.${period}`)}</option>`)}
      </select>
    </label>
    <fieldset class="dates">
      <legend>${t("console.report.dates")}</legend>
      <label>${t("console.report.from")} <input type="date" name="from" value="${choice.from}" /></label>
      <label>${t("console.report.to")} <input type="date" name="to" value="${choice.to}" /></label>
    </fieldset>
    <label
      >${t("console.leaderboard.department")}
      <select name="department">
        <option value="" ${selected(!choice.department)}>${t("console.leaderboard.everyone")}</option>
        ${model.departments.map((name) => html`<option${selected(name === choice.department)}>${name}</option>`)}
      </select>
    </label>
    <button type="submit">${t("console.leaderboard.show")}</button>
  </form>`;
}

function figures(t: TFunction, { report, csvHref, charts }: { report: HrReport; csvHref: string; charts: ChartEngine }, minGroupSize: number): Html {
  const scope = report.department ? t("report.department", { department: report.department }) : t("report.company");
  const rate = report.participationPercent === null ? "–" : `${report.participationPercent}%`;
  const figure = (label: string, value: string | number) =>
    html`<div>
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<h2>${t("report.title", { period: report.period, scope })}</h2>
    <dl class="figures">
      ${figure(t("report.chartActive"), t("console.report.activeOf", { active: report.activeAdvocates, known: report.employeesKnown, rate }))}
      ${figure(t("report.chartAnswers"), report.answersPublished)} ${figure(t("console.report.median"), waitText(report.medianFirstAnswerMs, t))}
      ${figure(t("console.report.solutions"), report.solutionsAccepted)} ${figure(t("console.leaderboard.points"), report.points)}
    </dl>
    <p><a class="button" href="${csvHref}" download>${t("console.report.csv")}</a></p>
    ${trendSection(t, charts, report.weekly)} ${report.department === null && departmentSection(t, charts, report.departments, minGroupSize)}
    <section aria-labelledby="top">
      <h2 id="top">${t("report.topTitle")}</h2>
      ${
        report.top.length === 0
          ? html`<p>${t("leaderboard.empty")}</p>`
          : table(
              [
                [t("console.leaderboard.rank"), "text"],
                [t("console.leaderboard.who"), "text"],
                [t("console.leaderboard.points"), "number"],
              ],
              report.top.map((row) => [row.rank, row.hidden ? t("leaderboard.colleague") : (row.displayName ?? row.externalId), row.points]),
            )
      }
    </section>
    <section aria-labelledby="charities">
      <h2 id="charities">${t("console.report.charities")}</h2>
      ${
        report.pointsPerCharity.length === 0
          ? html`<p>–</p>`
          : table(
              [
                [t("console.report.charity"), "text"],
                [t("console.leaderboard.points"), "number"],
              ],
              report.pointsPerCharity.map((line) => [line.charity, line.points]),
            )
      }
    </section>
    ${
      report.promises.length > 0 &&
      html`<section aria-labelledby="promises">
        <h2 id="promises">${t("report.promisesTitle")}</h2>
        ${table(
          [
            [t("console.report.channel"), "text"],
            [t("console.report.kept"), "number"],
            [t("console.report.decided"), "number"],
            [t("console.report.keptRate"), "number"],
          ],
          report.promises.map((row) => [`${row.channelId} (${row.surface})`, row.kept, row.decided, `${Math.round((row.kept / row.decided) * 100)}%`]),
        )}
      </section>`
    }`;
}

/** A plain table; figures right-aligned, as in the other tables. */
function table(columns: Array<[label: string, kind: "text" | "number"]>, rows: Array<Array<string | number>>): Html {
  const kind = (index: number) => (columns[index]?.[1] === "number" ? html` class="number"` : "");
  return html`<table>
    <thead>
      <tr>
        ${columns.map(([label], index) => html`<th scope="col" ${kind(index)}>${label}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell, index) => html`<td${kind(index)}>${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
