// HR's part of the App Home: a period (or two dates) and a department to choose, the report for that choice, and a
// button that sends it as CSV with its chart. The same report text as the `report` command.
import type { KnownBlock, PlainTextOption } from "@slack/types";
import type { HrHome } from "../../../core/ports/views/reportView";
import { translator } from "../../../i18n";
import { REPORT_UNITS, WHOLE_COMPANY, hrHomeOutcome, pickedOf } from "../../shared/hrHomeChoice";
import { mrkdwn, plain } from "./mrkdwn";
import { slackMarkup } from "./slackMarkup";

export const HR_ACTIONS = {
  period: "advocate_hr_period",
  from: "advocate_hr_from",
  to: "advocate_hr_to",
  department: "advocate_hr_department",
  show: "advocate_hr_show",
  csv: "advocate_hr_csv",
} as const;

export function hrHomeBlocks(hr: HrHome, locale: string): KnownBlock[] {
  const t = translator(locale, slackMarkup.cmd);
  const picked = pickedOf(hr);
  const option = (value: string, text: string): PlainTextOption => ({ value, text: plain(text) });
  const units = REPORT_UNITS.map((unit) => option(unit, t(`hrHome.${unit}`)));
  const departments = [option(WHOLE_COMPANY, t("hrHome.company")), ...hr.departments.map((name) => option(name, name))];
  const { from, to } = picked;
  const chosenUnit = units.find((unit) => unit.value === picked.unit);
  const chosenDepartment = departments.find((department) => department.value === picked.department);
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
  const outcome = mrkdwn(hrHomeOutcome(hr, locale, slackMarkup));
  blocks.push(hr.kind === "offer" ? { type: "context", elements: [outcome] } : { type: "section", text: outcome });
  return blocks;
}
