// A person's own page: their points and rank, latest ledger rows, where their points go, their leaderboard privacy
// (a form with the session's CSRF token) and their data.
import type { TFunction } from "i18next";
import type { LedgerEntry } from "../../core/points";
import type { MyPointsView } from "../../core/ports/views/homeView";
import { html, type Html } from "./html";

export interface MeModel {
  points: MyPointsView;
  history: LedgerEntry[];
  /** Where their points go this quarter, in the chat surfaces' words. */
  charity: Html;
  hidden: boolean;
  csrfToken: string;
  privacyAction: string;
  dataHref: string;
  formatDate(at: Date): string;
}

/** "story_shared (story 12)" → the rule's meaning, as the point rules list says it. */
const reasonText = (t: TFunction, reason: string) => t(`pointRules.meaning.${reason.split(" ")[0]}`, { defaultValue: reason });

export function meView(t: TFunction, model: MeModel): Html {
  const { points } = model;
  return html`<section aria-labelledby="points">
      <h2 id="points">${t("console.me.points")}</h2>
      <dl class="figures">
        <div>
          <dt>${t("console.me.total")}</dt>
          <dd>${points.total}</dd>
        </div>
        <div>
          <dt>${t("console.me.thisMonth")}</dt>
          <dd>${points.thisMonth}</dd>
        </div>
        <div>
          <dt>${t("console.me.rank")}</dt>
          <dd>${points.rank === null ? "–" : `#${points.rank}`}</dd>
        </div>
      </dl>
      ${points.rank === null && html`<p>${t("points.noRank")}</p>`}
    </section>
    <section aria-labelledby="history">
      <h2 id="history">${t("console.me.history")}</h2>
      ${
        model.history.length === 0
          ? html`<p>${t("console.me.historyEmpty")}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${t("console.me.when")}</th>
                  <th scope="col">${t("console.me.what")}</th>
                  <th scope="col" class="number">${t("console.leaderboard.points")}</th>
                </tr>
              </thead>
              <tbody>
                ${model.history.map(
                  (entry) =>
                    html`<tr>
                      <td>${model.formatDate(entry.occurredAt)}</td>
                      <td>${reasonText(t, entry.reason)}</td>
                      <td class="number">${entry.points}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>
    <section aria-labelledby="charity">
      <h2 id="charity">${t("console.me.charity")}</h2>
      <p>${model.charity}</p>
    </section>
    <section aria-labelledby="privacy">
      <h2 id="privacy">${t("console.me.privacy")}</h2>
      <p>${t(model.hidden ? "console.me.isHidden" : "console.me.isShown")}</p>
      <form method="post" action="${model.privacyAction}">
        <input type="hidden" name="csrf" value="${model.csrfToken}" />
        <input type="hidden" name="hidden" value="${model.hidden ? "false" : "true"}" />
        <button type="submit">${t(model.hidden ? "console.me.show" : "console.me.hide")}</button>
      </form>
    </section>
    <section aria-labelledby="data">
      <h2 id="data">${t("console.me.data")}</h2>
      <p>${t("console.me.dataIntro")}</p>
      <p><a class="button" href="${model.dataHref}" download>${t("console.me.download")}</a></p>
    </section>`;
}
