// Admins' office screen links: the address of a link just made (shown this once), the form to make one, and every
// link with its state and, while it works, a revoke button (forms with the session's CSRF token).
import type { TFunction } from "i18next";
import type { WallLink } from "../../core/wall";
import { html, type Html } from "./html";
import { wideTable } from "./wideTable";

export interface WallLinksModel {
  links: WallLink[];
  /** The link just made: its full address, with the token, shown only on this answer. */
  made: { url: string; label: string } | null;
  csrfToken: string;
  action: string;
  revokeAction(id: number): string;
  formatDate(at: Date): string;
}

export function wallLinksView(t: TFunction, model: WallLinksModel): Html {
  const csrf = html`<input type="hidden" name="csrf" value="${model.csrfToken}" />`;
  return html`${
      model.made &&
      html`<section class="made" aria-labelledby="wall-made" role="status">
        <h2 id="wall-made">${t("console.wallLinks.madeTitle", { label: model.made.label })}</h2>
        <p>${t("console.wallLinks.madeOnce")}</p>
        <p><code class="secret">${model.made.url}</code></p>
      </section>`
    }
    <p>${t("console.wallLinks.intro")}</p>
    <form method="post" action="${model.action}" class="filters">
      ${csrf}
      <label
        >${t("console.wallLinks.label")}
        <input name="label" required maxlength="80" autocomplete="off" />
      </label>
      <button type="submit">${t("console.wallLinks.create")}</button>
    </form>
    <h2>${t("console.wallLinks.listTitle")}</h2>
    ${
      model.links.length === 0
        ? html`<p>${t("console.wallLinks.empty")}</p>`
        : wideTable(
            t("console.wallLinks.listTitle"),
            html`<table>
              <thead>
                <tr>
                  <th scope="col">${t("console.wallLinks.label")}</th>
                  <th scope="col">${t("console.wallLinks.made")}</th>
                  <th scope="col">${t("console.wallLinks.lastSeen")}</th>
                  <th scope="col">${t("console.wallLinks.state")}</th>
                </tr>
              </thead>
              <tbody>
                ${model.links.map(
                  (link) =>
                    html`<tr>
                      <td>${link.label}</td>
                      <td>${model.formatDate(link.createdAt)}</td>
                      <td>${link.lastSeenAt ? model.formatDate(link.lastSeenAt) : t("console.wallLinks.never")}</td>
                      <td>
                        ${
                          link.revokedAt
                            ? t("console.wallLinks.revokedAt", { at: model.formatDate(link.revokedAt) })
                            : html`<form method="post" action="${model.revokeAction(link.id)}">
                                ${csrf}
                                <button type="submit" aria-label="${t("console.wallLinks.revokeNamed", { label: link.label })}">
                                  ${t("console.wallLinks.revoke")}
                                </button>
                              </form>`
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )
    }`;
}
