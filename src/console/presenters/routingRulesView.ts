// The routing rules as chat's `route list` says them (the rule's words, its channels by name where Advocate knows
// them, its priority, the fallback channel), each with an edit link and a remove button, and the form for a new one.
import type { TFunction } from "i18next";
import { html, type Html } from "./html";

export interface RuleRow {
  id: number;
  /** describeRule's words. */
  words: string;
  /** The channels, as the console's markup names them. */
  channels: Html;
  priority: number;
  editHref: string;
  removeAction: string;
}

export interface RoutingRulesModel {
  rules: RuleRow[];
  /** The fallback line, in chat's words. */
  fallback: Html;
  notice: string | null;
  csrfToken: string;
  addForm: Html;
}

export function routingRulesView(t: TFunction, model: RoutingRulesModel): Html {
  return html`${model.notice && html`<p class="message" role="status">${model.notice}</p>`}
    ${
      model.rules.length === 0
        ? html`<p>${t("rules.none")}</p>`
        : html`<table>
            <caption>
              ${t("rules.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">${t("console.routing.rule")}</th>
                <th scope="col">${t("console.routing.postsTo")}</th>
                <th scope="col" class="number">${t("console.routing.priority")}</th>
                <th scope="col"><span class="visually-hidden">${t("console.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              ${model.rules.map(
                (rule) =>
                  html`<tr>
                    <th scope="row">${rule.id}</th>
                    <td>${rule.words}</td>
                    <td>${rule.channels}</td>
                    <td class="number">${rule.priority}</td>
                    <td class="row-actions">
                      <a href="${rule.editHref}" aria-label="${t("console.routing.editRule", { id: rule.id })}">${t("console.routing.edit")}</a>
                      <form method="post" action="${rule.removeAction}">
                        <input type="hidden" name="csrf" value="${model.csrfToken}" />
                        <button type="submit" class="secondary" aria-label="${t("console.routing.removeRule", { id: rule.id })}">
                          ${t("console.routing.remove")}
                        </button>
                      </form>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <p>${model.fallback}</p>
    <section aria-labelledby="add-rule">
      <h2 id="add-rule">${t("console.routing.addTitle")}</h2>
      ${model.addForm}
    </section>`;
}
