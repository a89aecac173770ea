// What a person is told after pressing Claim or Release on a card: the same words on every surface.
import type { ClaimResult } from "../../core/claims";
import { clockTime, translator } from "../../i18n";

export interface ReplyStyle {
  locale: string;
  timezone: string;
  /** How the surface's markup escapes a name (Slack mrkdwn, Teams markdown). */
  escape: (text: string) => string;
  cmd: string;
}

export function claimReply(result: ClaimResult, style: ReplyStyle): string {
  const t = translator(style.locale, style.cmd);
  if (result.ok) return t("claim.done", { time: clockTime(result.until, style.locale, style.timezone) });
  if (result.reason === "held") return t("claim.held", { name: style.escape(result.by), time: clockTime(result.until, style.locale, style.timezone) });
  return t(`claim.${result.reason}`);
}

export function releaseReply(released: boolean, style: ReplyStyle): string {
  const t = translator(style.locale, style.cmd);
  return released ? t("claim.released") : t("claim.notYours");
}
