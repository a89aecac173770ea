// The quarter's donations for HR, the same use cases as chat's `charity report` and `charity paid` (authorised and
// audited as reports; a payout recorded once, however often the button is pressed).
import { z } from "zod";
import { donationReport, markDonationPaid, quarterLabel, recentQuarters } from "../../core/charity";
import { formatCents, formatMicroEuros } from "../../chat/shared/money";
import { forbiddenPage, pageResponse } from "../pageFrame";
import { donationsView } from "../presenters/donationsView";
import { messageView } from "../presenters/messageView";
import { CONSOLE_PATH, signedInRoute } from "../route";

const DONATIONS = `${CONSOLE_PATH}/donations`;
/** Two years back: late payouts happen, older ones are long settled. */
const QUARTERS = 8;
/** What a "mark paid" can come back with, said on the page it returns to. */
const NOTICES = ["paid", "already_paid", "unknown_charity", "quarter_not_over", "nothing_due", "bad_quarter"] as const;
const paidForm = z.object({ charity: z.string().regex(/^\d{1,9}$/), quarter: z.string().max(10) });

export const donationsPage = signedInRoute({
  method: "GET",
  path: "/donations",
  access: "hr",
  nav: "console.nav.donations",
  async handle(request) {
    const { deps } = request.services;
    const { t, locale, session } = request;
    const asked = await donationReport(deps, session.principal, { quarter: request.query.quarter?.trim().slice(0, 10) || null, what: "charity.console" });
    if (!asked.ok && asked.problem === "not_allowed") return forbiddenPage(request);
    const quarters = recentQuarters(deps.clock.now(), deps.settings.timezone, QUARTERS).map(quarterLabel);
    const notice = NOTICES.find((known) => known === request.query.notice);
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: deps.settings.timezone });
    const body = donationsView(t, {
      action: DONATIONS,
      paidAction: `${DONATIONS}/paid`,
      csrfToken: session.csrfToken,
      quarters,
      quarter: asked.ok ? asked.report.quarter : (quarters[0] ?? ""),
      notice: notice ? t(`console.donations.notices.${notice}`) : null,
      report: asked.ok ? asked.report : null,
      message: asked.ok ? null : t("console.donations.notices.bad_quarter"),
      ended: asked.ok && asked.ended,
      money: (cents) => formatCents(cents, locale),
      pointValue: (micro) => formatMicroEuros(micro, locale),
      date: (at) => dates.format(at),
    });
    return pageResponse(request, t("console.donations.title"), body, asked.ok ? 200 : 400);
  },
});

export const markPaid = signedInRoute({
  method: "POST",
  path: "/donations/paid",
  access: "hr",
  async handle(request) {
    const form = paidForm.safeParse(request.form);
    if (!form.success) return pageResponse(request, request.t("console.error.title"), messageView(request.t("console.error.badForm")), 400);
    const { charity, quarter } = form.data;
    const result = await markDonationPaid(request.services.deps, request.session.principal, Number(charity), quarter);
    if (result.status === "not_allowed") return forbiddenPage(request);
    return { kind: "redirect", to: `${DONATIONS}?${new URLSearchParams({ quarter, notice: result.status })}` };
  },
});
