// The words of a recurring-problem alert, for every surface.
import type { Notice } from "../../core/outbox/messages";
import { translator } from "../../i18n";
import type { Markup } from "./markup";

export function recurringProblemText(notice: Extract<Notice, { type: "recurring_problem" }>, locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  return [
    t("problems.alert", { count: notice.count, label: markup.escape(notice.label) }),
    ...notice.items.map((item) => `• ${markup.link(item.url, item.title)}`),
  ].join("\n");
}
