import type { TFunction } from "i18next";
import { html, type Html } from "./html";

export interface SignInModel {
  /** One button per configured sign-in: its link and label. */
  options: Array<{ href: string; label: string; provider: string }>;
  notice: string | null;
}

export function signInView(t: TFunction, model: SignInModel): Html {
  return html`${model.notice && html`<p class="message" role="status">${model.notice}</p>`}
    <p>${t("console.signIn.intro")}</p>
    <ul class="sign-in">
      ${model.options.map((option) => html`<li><a class="button ${option.provider}" href="${option.href}">${option.label}</a></li>`)}
    </ul>`;
}
