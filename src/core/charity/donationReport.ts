// HR's donation report for a quarter, as chat's `charity report` and the console ask for it: authorised and audited
// as a report before any figure is read, then the quarter (this one when none is named).
import type { CoreDeps } from "../deps";
import { authoriseReport, type Actor } from "../policy";
import { quarterReport, type QuarterReport } from "./quarterReport";
import { parseQuarter, quarterEnded, quarterLabel, quarterOf } from "./quarters";

export interface DonationReportAsk {
  /** e.g. 2026-Q3; null for the current quarter. */
  quarter: string | null;
  /** What the audit calls it, e.g. charity (chat) or charity.console. */
  what: string;
}

export type DonationReport =
  | { ok: true; report: QuarterReport; /** Only an ended quarter's donations can be marked paid. */ ended: boolean }
  | { ok: false; problem: "not_allowed" }
  | { ok: false; problem: "bad_quarter"; detail: string };

export async function donationReport(deps: Pick<CoreDeps, "store" | "clock" | "settings">, who: Actor, ask: DonationReportAsk): Promise<DonationReport> {
  const now = deps.clock.now();
  const quarter = ask.quarter ? parseQuarter(ask.quarter) : quarterOf(now, deps.settings.timezone);
  if (!(await authoriseReport(deps, who, { what: ask.what, period: quarter ? quarterLabel(quarter) : (ask.quarter ?? "") }))) {
    return { ok: false, problem: "not_allowed" };
  }
  if (!quarter) return { ok: false, problem: "bad_quarter", detail: ask.quarter ?? "" };
  return { ok: true, report: await quarterReport(deps, quarter), ended: quarterEnded(quarter, now, deps.settings.timezone) };
}
