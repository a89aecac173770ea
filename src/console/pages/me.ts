// A person's own page: points, history, charity, leaderboard privacy (a POST), and their data as a download.
import { z } from "zod";
import { setHiddenOnLeaderboards } from "../../core/accounts";
import { myCharityShare } from "../../core/charity";
import { exportMyData } from "../../core/personalData";
import { myHistory, myPoints } from "../../core/points";
import { shareLine } from "../../chat/shared/charityText";
import { COMMAND_PREFIX } from "../../i18n";
import { pageResponse } from "../pageFrame";
import { fromMarkup, html } from "../presenters/html";
import { htmlMarkup } from "../presenters/htmlMarkup";
import { meView } from "../presenters/meView";
import { messageView } from "../presenters/messageView";
import { CONSOLE_PATH, signedInRoute } from "../route";

const ME = `${CONSOLE_PATH}/me`;
const HISTORY_ROWS = 20;
const privacyForm = z.object({ hidden: z.enum(["true", "false"]) });

export const mePage = signedInRoute({
  method: "GET",
  path: "/me",
  access: "anyone",
  nav: "console.nav.me",
  async handle(request) {
    const { deps } = request.services;
    const { t, locale, session } = request;
    const { employee } = session;
    const [points, history, share] = await Promise.all([
      myPoints(deps, employee.id),
      myHistory(deps, employee.id, HISTORY_ROWS),
      myCharityShare(deps, employee.id),
    ]);
    const cmd = COMMAND_PREFIX[employee.surface === "teams" ? "teams" : "slack"];
    const line = shareLine(share, locale, htmlMarkup(cmd));
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: deps.settings.timezone });
    const body = meView(t, {
      points,
      history,
      charity: line === null ? html`${t("charity.shareNoCharity", { cmd })}` : fromMarkup(line),
      hidden: employee.hiddenOnLeaderboards ?? false,
      csrfToken: session.csrfToken,
      privacyAction: `${ME}/privacy`,
      dataHref: `${ME}/data`,
      formatDate: (at) => dates.format(at),
    });
    return pageResponse(request, t("console.me.title"), body);
  },
});

export const privacyChoice = signedInRoute({
  method: "POST",
  path: "/me/privacy",
  access: "anyone",
  async handle(request) {
    const choice = privacyForm.safeParse(request.form);
    if (!choice.success) return pageResponse(request, request.t("console.error.title"), messageView(request.t("console.error.badForm")), 400);
    await setHiddenOnLeaderboards(request.services.deps, request.session.employee, choice.data.hidden === "true");
    return { kind: "redirect", to: ME };
  },
});

export const myDataDownload = signedInRoute({
  method: "GET",
  path: "/me/data",
  access: "anyone",
  async handle(request) {
    const [json] = await exportMyData(request.services.deps, request.session.employee.id);
    return { kind: "download", filename: json!.filename, type: "application/json", content: json!.content };
  },
});
