// The Teams tab's sign-in page: a status line its script (static/teamsTab.js) fills in, with what the script needs
// in data attributes (no inline script: the page's policy allows only the console's own files).
import type { TFunction } from "i18next";
import { html, type Html } from "./html";

export interface TeamsTabModel {
  /** The console's path, for its scripts. */
  base: string;
  /** Where the script posts Teams' token. */
  sessionUrl: string;
  /** Where the tab goes once signed in. */
  next: string;
}

export function teamsTabView(t: TFunction, model: TeamsTabModel): Html {
  return html`<p
      id="teams-sign-in"
      class="message"
      role="status"
      data-session="${model.sessionUrl}"
      data-next="${model.next}"
      data-failed="${t("console.teams.failed")}"
    >
      ${t("console.teams.signingIn")}
    </p>
    <noscript><p class="message">${t("console.teams.noScript")}</p></noscript>
    <script src="${model.base}/static/teams-js.js"></script>
    <script src="${model.base}/static/teamsTab.js"></script>`;
}
