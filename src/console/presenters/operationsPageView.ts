// The operations page: whether Advocate is ready (what /readyz says), the outbox's depth per lane, the items waiting
// or given up with their last error (redacted by the core) and a Retry button for each given up, and the last
// webhook per community.
import type { TFunction } from "i18next";
import type { OperationsView } from "../../core/operations";
import { html, type Html } from "./html";
import { wideTable } from "./wideTable";

export interface OperationsModel {
  view: OperationsView;
  csrfToken: string;
  retryAction(id: string): string;
  formatDate(at: Date): string;
  notice: string | null;
}

export function operationsPageView(t: TFunction, model: OperationsModel): Html {
  const { view } = model;
  const { readiness } = view;
  return html`${model.notice && html`<p class="message" role="status">${model.notice}</p>`}
    <section aria-labelledby="ready">
      <h2 id="ready">${t("console.operations.readiness")}</h2>
      <p class="message ${readiness.ready ? "ok" : "problem"}">
        ${readiness.ready ? t("console.operations.ready", { database: readiness.database }) : t("console.operations.notReady", { status: readiness.status })}
      </p>
    </section>
    <section aria-labelledby="lanes">
      <h2 id="lanes">${t("console.operations.lanes")}</h2>
      ${
        view.lanes.length === 0
          ? html`<p>${t("console.operations.noLanes")}</p>`
          : wideTable(
              t("console.operations.lanes"),
              html`<table>
                <thead>
                  <tr>
                    <th scope="col">${t("console.operations.lane")}</th>
                    <th scope="col" class="number">${t("console.operations.waiting")}</th>
                    <th scope="col" class="number">${t("console.operations.inFlight")}</th>
                    <th scope="col" class="number">${t("console.operations.givenUp")}</th>
                  </tr>
                </thead>
                <tbody>
                  ${view.lanes.map(
                    (lane) =>
                      html`<tr>
                        <th scope="row">${lane.lane}</th>
                        <td class="number">${lane.waiting}</td>
                        <td class="number">${lane.inFlight}</td>
                        <td class="number">${lane.givenUp}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )
      }
    </section>
    <section aria-labelledby="items">
      <h2 id="items">${t("console.operations.items")}</h2>
      ${
        view.items.length === 0
          ? html`<p>${t("console.operations.noItems")}</p>`
          : wideTable(
              t("console.operations.items"),
              html`<table>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">${t("console.operations.kind")}</th>
                    <th scope="col">${t("console.operations.state")}</th>
                    <th scope="col" class="number">${t("console.operations.attempts")}</th>
                    <th scope="col">${t("console.operations.lastError")}</th>
                    <th scope="col"><span class="visually-hidden">${t("console.actions")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${view.items.map(
                    (item) =>
                      html`<tr>
                        <th scope="row">${item.id}</th>
                        <td>${item.kind}<br /><span class="hint">${item.lane}</span></td>
                        <td>
                          ${t(`console.operations.states.${item.state}`)}<br /><span class="hint"
                            >${model.formatDate(item.state === "given_up" && item.doneAt ? item.doneAt : item.nextAttemptAt)}</span
                          >
                        </td>
                        <td class="number">${item.attempts}</td>
                        <td class="error-text">${item.lastError ?? "–"}</td>
                        <td>
                          ${
                            item.state === "given_up" &&
                            html`<form method="post" action="${model.retryAction(item.id)}">
                              <input type="hidden" name="csrf" value="${model.csrfToken}" />
                              <button type="submit" aria-label="${t("console.operations.retryItem", { id: item.id })}">${t("console.operations.retry")}</button>
                            </form>`
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )
      }
    </section>
    <section aria-labelledby="webhooks">
      <h2 id="webhooks">${t("console.operations.webhooks")}</h2>
      <ul>
        ${view.webhooks.map(
          (webhook) =>
            html`<li>
              ${webhook.community}: ${webhook.lastAt ? model.formatDate(webhook.lastAt) : t("console.operations.noWebhook", { days: view.retentionDays })}
            </li>`,
        )}
      </ul>
    </section>`;
}
