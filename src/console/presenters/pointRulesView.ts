// The point rules: what each contribution is worth and the limits, each with its meaning (chat's words) and a form
// to change its value.
import type { TFunction } from "i18next";
import { html, type Html } from "./html";
import { wideTable } from "./wideTable";

export interface PointRulesModel {
  rules: Array<{ name: string; value: number }>;
  csrfToken: string;
  action: string;
  notice: string | null;
}

export function pointRulesView(t: TFunction, model: PointRulesModel): Html {
  return html`${model.notice && html`<p class="message" role="status">${model.notice}</p>`}
  ${wideTable(
    t("pointRules.title"),
    html`<table>
      <caption>
        ${t("pointRules.title")}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t("console.pointRules.rule")}</th>
          <th scope="col">${t("console.pointRules.meaning")}</th>
          <th scope="col">${t("console.pointRules.value")}</th>
        </tr>
      </thead>
      <tbody>
        ${model.rules.map(
          (rule) =>
            html`<tr>
              <th scope="row"><label for="rule-${rule.name}">${rule.name}</label></th>
              <td>${t(`pointRules.meaning.${rule.name}`)}</td>
              <td>
                <form method="post" action="${model.action}" class="inline">
                  <input type="hidden" name="csrf" value="${model.csrfToken}" />
                  <input type="hidden" name="rule" value="${rule.name}" />
                  <input id="rule-${rule.name}" name="value" type="number" min="0" max="999999" step="1" value="${rule.value}" required />
                  <button type="submit" aria-label="${t("console.pointRules.saveRule", { rule: rule.name })}">${t("console.pointRules.save")}</button>
                </form>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  )}`;
}
