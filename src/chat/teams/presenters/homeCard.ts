// The home card in the personal chat: my points, my open claims, the top 5, my charity; for HR, the report pickers.
// Its refresh (Universal Actions) asks Advocate for the card again whenever its one viewer opens it, so it is current.
import type { HomeView } from "../../../core/ports/views/homeView";
import type { HrHome } from "../../../core/ports/views/reportView";
import { translator } from "../../../i18n";
import { homeText } from "../../shared/homeText";
import { REPORT_UNITS, WHOLE_COMPANY, hrHomeOutcome, pickedOf } from "../../shared/hrHomeChoice";
import { adaptiveCard, textBlocks, type AdaptiveCard, type CardElement } from "./adaptiveCard";
import { teamsMarkup } from "./teamsMarkup";

/** Verbs of the home's Action.Execute: the automatic refresh, and HR's "Show report" and "CSV". */
export const HOME_VERBS = { refresh: "advocate.home.refresh", report: "advocate.home.report", csv: "advocate.home.csv" } as const;

/** Ids of HR's inputs: Teams sends their values with the action's data. */
export const HOME_INPUTS = { unit: "hrUnit", from: "hrFrom", to: "hrTo", department: "hrDepartment" } as const;

/** `viewerId`: the Teams user the card is drawn for; only their client refreshes it. `notice`: the outcome of a press. */
export function homeCard(view: HomeView, locale: string, timezone: string, viewerId: string, notice?: string): AdaptiveCard {
  const text = homeText(view, locale, timezone, teamsMarkup);
  const heading = (title: string): CardElement => ({ type: "TextBlock", text: title, weight: "Bolder", wrap: true, separator: true, spacing: "Medium" });
  const body: CardElement[] = [
    ...(notice ? [{ type: "TextBlock", text: notice, wrap: true, color: "Accent", weight: "Bolder" }] : []),
    { type: "TextBlock", text: text.title, size: "Large", weight: "Bolder", wrap: true },
    ...textBlocks(text.points),
    { type: "TextBlock", text: text.linked, isSubtle: true, size: "Small", wrap: true },
    { type: "TextBlock", text: text.charity, wrap: true },
    heading(text.claimsTitle),
    ...(text.claims.length ? text.claims.map((line) => ({ type: "TextBlock", text: line, wrap: true })) : textBlocks(text.noClaims, { isSubtle: true })),
    heading(text.topTitle),
    ...textBlocks(text.top),
    ...(view.hr ? hrElements(view.hr, locale) : []),
  ];
  return adaptiveCard(body, {
    ...(view.hr ? { actions: hrActions(locale) } : {}),
    refresh: { action: { type: "Action.Execute", verb: HOME_VERBS.refresh, data: {} }, userIds: [viewerId] },
  });
}

function hrElements(hr: HrHome, locale: string): CardElement[] {
  const t = translator(locale, teamsMarkup.cmd);
  const picked = pickedOf(hr);
  const choices = (pairs: Array<[string, string]>) => pairs.map(([value, title]) => ({ title, value }));
  return [
    { type: "TextBlock", text: t("hrHome.title"), size: "Medium", weight: "Bolder", wrap: true, separator: true, spacing: "Large" },
    {
      type: "Input.ChoiceSet",
      id: HOME_INPUTS.unit,
      label: t("hrHome.period"),
      choices: choices(REPORT_UNITS.map((unit) => [unit, t(`hrHome.${unit}`)])),
      value: picked.unit ?? "month",
    },
    { type: "Input.Date", id: HOME_INPUTS.from, label: t("hrHome.from"), ...(picked.from ? { value: picked.from } : {}) },
    { type: "Input.Date", id: HOME_INPUTS.to, label: t("hrHome.to"), ...(picked.to ? { value: picked.to } : {}) },
    {
      type: "Input.ChoiceSet",
      id: HOME_INPUTS.department,
      label: t("hrHome.department"),
      choices: choices([[WHOLE_COMPANY, t("hrHome.company")], ...hr.departments.map((name): [string, string] => [name, name])]),
      value: picked.department,
    },
    ...textBlocks(hrHomeOutcome(hr, locale, teamsMarkup), hr.kind === "offer" ? { isSubtle: true, size: "Small" } : {}),
  ];
}

function hrActions(locale: string): CardElement[] {
  const t = translator(locale, teamsMarkup.cmd);
  return [
    { type: "Action.Execute", verb: HOME_VERBS.report, title: t("hrHome.show"), style: "positive", data: {} },
    { type: "Action.Execute", verb: HOME_VERBS.csv, title: t("hrHome.csv"), data: {} },
  ];
}
