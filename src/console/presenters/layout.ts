// Every console page's frame: language, skip link, navigation (only the pages this person may open), sign-out.
import type { TFunction } from "i18next";
import { html, type Html } from "./html";

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

export interface LayoutModel {
  locale: string;
  t: TFunction;
  title: string;
  /** The console's path, for links to its stylesheet and sign-out. */
  base: string;
  nav: NavItem[];
  signedIn: { name: string; csrfToken: string } | null;
  /** A link per other language, which returns to this page. */
  languages: Array<{ locale: string; href: string; label: string }>;
}

export function layout(model: LayoutModel, body: Html): Html {
  const { t } = model;
  return html`<!doctype html>
    <html lang="${model.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${model.title} · Advocate</title>
        <link rel="stylesheet" href="${model.base}/static/console.css" />
      </head>
      <body>
        <a class="skip" href="#main">${t("console.skip")}</a>
        <header class="top">
          <span class="brand">Advocate</span>
          ${
            model.nav.length > 0 &&
            html`<nav aria-label="${t("console.nav.label")}">
              <ul>
                ${model.nav.map((item) => html`<li><a href="${item.href}" ${item.current ? html`aria-current="page"` : ""}>${item.label}</a></li>`)}
              </ul>
            </nav>`
          }
          <div class="account">
            ${model.languages.map((language) => html`<a href="${language.href}" lang="${language.locale}" hreflang="${language.locale}">${language.label}</a>`)}
            ${
              model.signedIn &&
              html`<form method="post" action="${model.base}/sign-out">
                <input type="hidden" name="csrf" value="${model.signedIn.csrfToken}" />
                <span class="who">${t("console.signedInAs", { name: model.signedIn.name })}</span>
                <button type="submit">${t("console.signOut")}</button>
              </form>`
            }
          </div>
        </header>
        <main id="main">
          <h1>${model.title}</h1>
          ${body}
        </main>
      </body>
    </html> `;
}
