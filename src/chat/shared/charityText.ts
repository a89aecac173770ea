// The words of every `charity …` reply and of the charity line under `points`, for every surface.
import type { CharityReply } from "../../core/charity";
import type { CharityShare } from "../../core/charity";
import type { QuarterReport } from "../../core/charity";
import { normalizeLocale, translator } from "../../i18n";
import type { Markup } from "./markup";
import { formatCents, formatMicroEuros } from "./money";

type T = ReturnType<typeof translator>;

export function charityReplyText(reply: CharityReply, locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  const name = (charity: { name: string }) => markup.escape(charity.name);
  switch (reply.kind) {
    case "picker": {
      const { charities, current } = reply.picker;
      if (!charities.length) return t("charity.pickerEmpty");
      const now = current
        ? t(current.chosen ? "charity.pickerChosen" : "charity.pickerDefault", { name: markup.bold(name(current.charity)) })
        : t("charity.pickerNone");
      return [markup.bold(t("charity.pickerTitle")), now, t("charity.pickerHint")].join("\n");
    }
    case "pick":
      return reply.result.status === "picked"
        ? t("charity.picked", { name: markup.bold(name(reply.result.charity)) })
        : t("charity.errors.unknown_charity", { detail: markup.escape(reply.typed) });
    case "list": {
      const { charities, terms } = reply.overview;
      const lines = charities.map(
        (charity) => `#${charity.id} · ${markup.link(charity.url, charity.name)}${charity.id === terms.defaultCharityId ? ` · ${t("charity.default")}` : ""}`,
      );
      return [
        markup.bold(t("charity.listTitle")),
        lines.join("\n") || t("charity.none"),
        terms.microEurosPerPoint === null ? t("charity.noValue") : t("charity.value", { amount: formatMicroEuros(terms.microEurosPerPoint, locale) }),
        terms.quarterBudgetCents === null ? t("charity.noBudget") : t("charity.budget", { amount: formatCents(terms.quarterBudgetCents, locale) }),
        t("charity.pickerHint"),
      ].join("\n");
    }
    case "share":
      return shareLine(reply.share, locale, markup) ?? t("charity.shareNoCharity");
    case "added":
      return t("charity.added", { id: reply.charity.id, name: markup.link(reply.charity.url, reply.charity.name) });
    case "removed":
      return t("charity.removed", { name: name(reply.charity) });
    case "default_set":
      return t("charity.defaultSet", { name: markup.bold(name(reply.charity)) });
    case "rate_set":
      return t("charity.rateSet", { amount: formatMicroEuros(reply.microEurosPerPoint, locale) });
    case "budget_set":
      return reply.quarterBudgetCents === null ? t("charity.budgetOff") : t("charity.budgetSet", { amount: formatCents(reply.quarterBudgetCents, locale) });
    case "report":
      return reportText(reply.report, locale, markup, t);
    case "paid":
      return t(reply.before ? "charity.paidBefore" : "charity.paid", {
        name: name(reply.charity),
        quarter: reply.payout.quarter,
        amount: formatCents(reply.payout.amountCents, locale),
      });
    case "error":
      return t(`charity.errors.${reply.problem}`, { detail: markup.escape(reply.detail ?? "") });
  }
}

/** "Your 340 points = €34.00 for KWF this quarter."; null when their points have no charity to go to. */
export function shareLine(share: CharityShare, locale: string, markup: Markup): string | null {
  if (!share.current) return null;
  const t = translator(locale, markup.cmd);
  const name = markup.bold(markup.escape(share.current.charity.name));
  if (share.cents === null) return t("charity.shareNoValue", { count: share.points, name });
  const line = t("charity.share", { count: share.points, amount: formatCents(share.cents, locale), name });
  return share.capBinds ? `${line} ${t("charity.shareCapped")}` : line;
}

function reportText(report: QuarterReport, locale: string, markup: Markup, t: T): string {
  const money = (cents: number) => formatCents(cents, locale);
  const date = (at: Date) => new Intl.DateTimeFormat(normalizeLocale(locale), { dateStyle: "medium", timeZone: report.timezone }).format(at);
  const lines = report.lines.map((line) => {
    const amount = report.capBinds ? t("charity.reportCapped", { earned: money(line.earnedCents), due: money(line.dueCents) }) : money(line.dueCents);
    const paid = line.payout
      ? t("charity.reportPaid", {
          amount: money(line.payout.amountCents),
          date: date(line.payout.paidAt),
          person: line.payout.paidByEmployee ? markup.person(line.payout.paidByEmployee) : "?",
        })
      : t("charity.reportUnpaid");
    return `#${line.charity.id} ${markup.escape(line.charity.name)} · ${t("charity.points", { count: line.points })} · ${amount} · ${paid}`;
  });
  const total = report.capBinds
    ? t("charity.reportTotalCapped", {
        points: report.points,
        earned: money(report.earnedCents),
        due: money(report.dueCents),
        budget: money(report.terms.quarterBudgetCents ?? 0),
      })
    : t("charity.reportTotal", { points: report.points, amount: money(report.dueCents) });
  return [
    markup.bold(t("charity.reportTitle", { quarter: report.quarter })),
    lines.join("\n") || t("charity.reportEmpty"),
    total,
    report.terms.microEurosPerPoint === null ? t("charity.noValue") : null,
    report.unassigned ? t("charity.reportUnassigned", { count: report.unassigned }) : null,
  ]
    .filter(Boolean)
    .join("\n");
}
