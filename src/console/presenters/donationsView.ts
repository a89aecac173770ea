// The quarter's donations: a quarter picker (a GET form), per charity its points, its money and whether it was paid
// (by whom, when), a "mark paid" form per charity once the quarter is over, and the terms the amounts follow.
import type { TFunction } from "i18next";
import type { QuarterReport } from "../../core/charity";
import { html, type Html } from "./html";
import { wideTable } from "./wideTable";

export interface DonationsModel {
  action: string;
  paidAction: string;
  csrfToken: string;
  quarters: string[];
  quarter: string;
  notice: string | null;
  /** Null when the quarter asked for is not one: `message` says so. */
  report: QuarterReport | null;
  message: string | null;
  /** Only an ended quarter's donations can be marked paid. */
  ended: boolean;
  money(cents: number): string;
  pointValue(microEuros: number): string;
  date(at: Date): string;
}

export function donationsView(t: TFunction, model: DonationsModel): Html {
  const selected = (on: boolean) => (on ? html` selected` : "");
  return html`<form class="filters" method="get" action="${model.action}" aria-label="${t("console.donations.filters")}">
      <label
        >${t("console.donations.quarter")}
        <select name="quarter">
          ${model.quarters.map((quarter) => html`<option${selected(quarter === model.quarter)}>${quarter}</option>`)}
        </select>
      </label>
      <button type="submit">${t("console.leaderboard.show")}</button>
    </form>
    ${model.notice && html`<p class="message" role="status">${model.notice}</p>`} ${model.message && html`<p class="message">${model.message}</p>`}
    ${model.report && report(t, model, model.report)}`;
}

function report(t: TFunction, model: DonationsModel, report: QuarterReport): Html {
  const { money } = model;
  const { terms } = report;
  return html`<h2>${t("charity.reportTitle", { quarter: report.quarter })}</h2>
    ${!model.ended && html`<p>${t("console.donations.notOver")}</p>`}
    ${
      report.lines.length === 0
        ? html`<p>${t("charity.reportEmpty")}</p>`
        : wideTable(
            t("charity.reportTitle", { quarter: report.quarter }),
            html`<table>
              <thead>
                <tr>
                  <th scope="col">${t("console.report.charity")}</th>
                  <th scope="col" class="number">${t("console.leaderboard.points")}</th>
                  <th scope="col" class="number">${t("console.donations.amount")}</th>
                  <th scope="col">${t("console.donations.paid")}</th>
                </tr>
              </thead>
              <tbody>
                ${report.lines.map(
                  (line) =>
                    html`<tr>
                      <th scope="row">${line.charity.name}</th>
                      <td class="number">${line.points}</td>
                      <td class="number">
                        ${report.capBinds ? t("console.donations.capped", { earned: money(line.earnedCents), due: money(line.dueCents) }) : money(line.dueCents)}
                      </td>
                      <td>${paidCell(t, model, report, line)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )
    }
    <dl class="figures">
      <div>
        <dt>${t("console.leaderboard.points")}</dt>
        <dd>${report.points}</dd>
      </div>
      <div>
        <dt>${t("console.donations.total")}</dt>
        <dd>${money(report.dueCents)}</dd>
      </div>
      <div>
        <dt>${t("console.donations.pointValue")}</dt>
        <dd>${terms.microEurosPerPoint === null ? "–" : model.pointValue(terms.microEurosPerPoint)}</dd>
      </div>
      <div>
        <dt>${t("console.donations.budget")}</dt>
        <dd>${terms.quarterBudgetCents === null ? t("console.donations.noBudget") : money(terms.quarterBudgetCents)}</dd>
      </div>
    </dl>
    ${report.capBinds && html`<p>${t("console.donations.capBinds", { earned: money(report.earnedCents), due: money(report.dueCents) })}</p>`}
    ${terms.microEurosPerPoint === null && html`<p>${t("console.donations.noValue")}</p>`}
    ${report.unassigned > 0 && html`<p>${t("console.donations.unassigned", { count: report.unassigned })}</p>`}`;
}

function paidCell(t: TFunction, model: DonationsModel, report: QuarterReport, line: QuarterReport["lines"][number]): Html {
  const { payout } = line;
  if (payout) {
    const person = payout.paidByEmployee ? (payout.paidByEmployee.displayName ?? payout.paidByEmployee.externalId) : "?";
    return html`${t("console.donations.paidBy", { amount: model.money(payout.amountCents), person, date: model.date(payout.paidAt) })}`;
  }
  if (!model.ended || line.dueCents === 0) return html`${t("console.donations.unpaid")}`;
  return html`<form method="post" action="${model.paidAction}">
    <input type="hidden" name="csrf" value="${model.csrfToken}" />
    <input type="hidden" name="charity" value="${line.charityId}" />
    <input type="hidden" name="quarter" value="${report.quarter}" />
    <button type="submit" aria-label="${t("console.donations.markPaidFor", { name: line.charity.name, amount: model.money(line.dueCents) })}">
      ${t("console.donations.markPaid")}
    </button>
  </form>`;
}
