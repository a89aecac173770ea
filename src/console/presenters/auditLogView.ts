// The audit log: every report view, admin action, privacy action and payment, newest first, a page at a time.
import type { TFunction } from "i18next";
import type { AuditLogEntry } from "../../core/policy";
import { html, type Html } from "./html";
import { wideTable } from "./wideTable";

export interface AuditLogModel {
  entries: AuditLogEntry[];
  newerHref: string | null;
  olderHref: string | null;
  formatDate(at: Date): string;
}

const whoOf = (entry: AuditLogEntry) => (entry.name ? `${entry.name} (${entry.userId})` : entry.userId);

export function auditLogView(t: TFunction, model: AuditLogModel): Html {
  const pager = html`<nav class="pager" aria-label="${t("console.audit.pages")}">
    ${model.newerHref && html`<a href="${model.newerHref}">${t("console.audit.newer")}</a>`}
    ${model.olderHref && html`<a href="${model.olderHref}">${t("console.audit.older")}</a>`}
  </nav>`;
  if (model.entries.length === 0)
    return html`<p>${t("console.audit.none")}</p>
      ${pager}`;
  return html`${wideTable(
    t("console.audit.title"),
    html`<table>
      <thead>
        <tr>
          <th scope="col">${t("console.audit.when")}</th>
          <th scope="col">${t("console.audit.who")}</th>
          <th scope="col">${t("console.audit.kind")}</th>
          <th scope="col">${t("console.audit.what")}</th>
          <th scope="col">${t("console.audit.about")}</th>
          <th scope="col">${t("console.audit.allowed")}</th>
        </tr>
      </thead>
      <tbody>
        ${model.entries.map(
          (entry) =>
            html`<tr${entry.allowed ? "" : html` class="refused"`}>
              <td>${model.formatDate(entry.at)}</td>
              <td>${whoOf(entry)}</td>
              <td>${t(`console.audit.sources.${entry.source}`)}</td>
              <td>${entry.what}</td>
              <td>${[entry.subject, entry.detail].filter(Boolean).join(" · ")}</td>
              <td>${t(entry.allowed ? "console.audit.yes" : "console.audit.no")}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  )}
  ${pager}`;
}
