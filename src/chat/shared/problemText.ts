// The words of a recurring-problem alert, for every surface.
import { translator } from "../../i18n";
import type { Markup } from "./markup";
import type { Notice } from "../../core/ports/views/notice";

export function recurringProblemText(notice: Extract<Notice, { type: "recurring_problem" }>, locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  return [
    t("problems.alert", { count: notice.count, label: markup.escape(notice.label) }),
    ...notice.items.map((item) => `• ${markup.link(item.url, item.title)}`),
  ].join("\n");
}
