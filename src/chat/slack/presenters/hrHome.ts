// HR's part of the App Home: a period (or two dates) and a department to choose, the report for that choice, and a
// button that sends it as CSV with its chart. The same report text as the `report` command.
import type { KnownBlock, PlainTextOption } from "@slack/types";
import type { HrHome } from "../../../core/ports/views/reportView";
import { translator } from "../../../i18n";
import { hrReportText } from "../../shared/hrReportText";
import { escapeMrkdwn, mrkdwn, plain } from "./mrkdwn";
import { slackMarkup } from "./slackMarkup";

export const HR_ACTIONS = {
  period: "advocate_hr_period",
  from: "advocate_hr_from",
  to: "advocate_hr_to",
  department: "advocate_hr_department",
  show: "advocate_hr_show",
  csv: "advocate_hr_csv",
} as const;

/** The department select's value for "whole company" (no department has this name: it is not a word). */
export const WHOLE_COMPANY = "*";

const UNITS = ["week", "month", "quarter"] as const;

export function hrHomeBlocks(hr: HrHome, locale: string): KnownBlock[] {
  const t = translator(locale, slackMarkup.cmd);
  const choice = hr.kind === "offer" ? null : hr.choice;
  const option = (value: string, text: string): PlainTextOption => ({ value, text: plain(text) });
  const units = UNITS.map((unit) => option(unit, t(`hrHome.${unit}`)));
  const departments = [option(WHOLE_COMPANY, t("hrHome.company")), ...hr.departments.map((name) => option(name, name))];
  const [from, to] = choice?.period.includes("..") ? choice.period.split("..") : [];
  const chosenUnit = units.find((unit) => unit.value === choice?.period);
  const chosenDepartment = departments.find((department) => department.value === (choice?.department ?? WHOLE_COMPANY));
  const blocks: KnownBlock[] = [
    { type: "divider" },
    { type: "header", text: plain(t("hrHome.title")) },
    {
      type: "actions",
      block_id: "hr_choice",
      elements: [
        {
          type: "static_select",
          action_id: HR_ACTIONS.period,
          placeholder: plain(t("hrHome.period")),
          options: units,
          ...(chosenUnit ? { initial_option: chosenUnit } : {}),
        },
        { type: "datepicker", action_id: HR_ACTIONS.from, placeholder: plain(t("hrHome.from")), ...(from ? { initial_date: from } : {}) },
        { type: "datepicker", action_id: HR_ACTIONS.to, placeholder: plain(t("hrHome.to")), ...(to ? { initial_date: to } : {}) },
        {
          type: "static_select",
          action_id: HR_ACTIONS.department,
          placeholder: plain(t("hrHome.department")),
          options: departments,
          ...(chosenDepartment ? { initial_option: chosenDepartment } : {}),
        },
      ],
    },
    {
      type: "actions",
      block_id: "hr_go",
      elements: [
        { type: "button", action_id: HR_ACTIONS.show, style: "primary", text: plain(t("hrHome.show")) },
        { type: "button", action_id: HR_ACTIONS.csv, text: plain(t("hrHome.csv")) },
      ],
    },
  ];
  if (hr.kind === "offer") blocks.push({ type: "context", elements: [mrkdwn(t("hrHome.offer"))] });
  if (hr.kind === "bad_period") blocks.push({ type: "section", text: mrkdwn(t("hrHome.badPeriod", { period: escapeMrkdwn(hr.choice.period) })) });
  if (hr.kind === "small_group") blocks.push({ type: "section", text: mrkdwn(t("errors.small_group", { detail: escapeMrkdwn(hr.choice.department ?? "") })) });
  if (hr.kind === "report") blocks.push({ type: "section", text: mrkdwn(hrReportText(hr.report, locale, slackMarkup)) });
  return blocks;
}
