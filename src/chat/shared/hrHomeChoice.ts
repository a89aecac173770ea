// HR's pickers on the home, the same on every surface: a unit or two dates, and a department (or the whole company).
import type { HomeReportChoice, HrHome } from "../../core/ports/views/reportView";
import { translator } from "../../i18n";
import { hrReportText } from "./hrReportText";
import type { Markup } from "./markup";

/** The department picker's value for "whole company" (no department has this name: it is not a word). */
export const WHOLE_COMPANY = "*";

export const REPORT_UNITS = ["week", "month", "quarter"] as const;

/** What HR picked, as the core's choice: two dates make a custom period, else the unit picked (this month by default). */
export function homeReportChoice(picked: { unit?: string | null; from?: string | null; to?: string | null; department?: string | null }): HomeReportChoice {
  const department = picked.department || WHOLE_COMPANY;
  return {
    period: picked.from && picked.to ? `${picked.from}..${picked.to}` : picked.unit || "month",
    department: department === WHOLE_COMPANY ? null : department,
  };
}

/** The choice shown as picked again: the unit, or the two dates, and the department. */
export function pickedOf(hr: HrHome): { unit: string | null; from: string | null; to: string | null; department: string } {
  const choice = hr.kind === "offer" ? null : hr.choice;
  const [from = null, to = null] = choice?.period.includes("..") ? choice.period.split("..") : [];
  const unit = REPORT_UNITS.find((candidate) => candidate === choice?.period) ?? null;
  return { unit, from, to, department: choice?.department ?? WHOLE_COMPANY };
}

/** The line under the pickers: the offer, the report, or why there is none. */
export function hrHomeOutcome(hr: HrHome, locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  switch (hr.kind) {
    case "offer":
      return t("hrHome.offer");
    case "bad_period":
      return t("hrHome.badPeriod", { period: markup.escape(hr.choice.period) });
    case "small_group":
      return t("errors.small_group", { detail: markup.escape(hr.choice.department ?? "") });
    case "report":
      return hrReportText(hr.report, locale, markup);
  }
}
