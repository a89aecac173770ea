// The words of response promises, for every surface: the line on a card and the reminders.
import { DateTime } from "luxon";
import { translator } from "../../i18n";
import type { Markup } from "./markup";
import type { CardPromise } from "../../core/ports/views/cardView";
import type { Notice } from "../../core/ports/views/notice";

/** "1 h 12 m", "45 m", "2 h" (business or wall time alike). */
export function durationText(minutes: number, locale: string): string {
  const t = translator(locale);
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return [hours ? t("promise.hours", { count: hours }) : null, rest || !hours ? t("promise.minutes", { count: rest }) : null].filter(Boolean).join(" ");
}

/** The promise line of a card, unescaped; null without a promise. */
export function cardPromiseLine(promise: CardPromise | null, locale: string, timezone: string): string | null {
  if (!promise) return null;
  const t = translator(locale);
  switch (promise.type) {
    case "pending":
      return t("promise.card.pending", {
        time: DateTime.fromJSDate(promise.dueAt, { zone: timezone }).setLocale(locale).toFormat("ccc HH:mm"),
        duration: durationText(promise.minutes, locale),
      });
    case "overdue":
      return t("promise.card.overdue", { duration: durationText(promise.minutes, locale) });
    case "kept":
      return t("promise.card.kept", { duration: durationText(promise.answeredAfterMinutes, locale) });
    case "missed":
      return t("promise.card.missed", { duration: durationText(promise.answeredAfterMinutes, locale), late: durationText(promise.lateByMinutes, locale) });
  }
}

type PromiseNotice = Extract<Notice, { type: "promise_reminder" | "promise_missed" | "promise_catch_up" }>;

export function promiseNoticeText(notice: PromiseNotice, locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  const topic = (title: string, url: string) => markup.link(url, title);
  switch (notice.type) {
    case "promise_reminder":
      return t("promise.reminder", { left: durationText(notice.leftMinutes, locale), topic: topic(notice.title, notice.url) });
    case "promise_missed":
      return t("promise.missed", { duration: durationText(notice.promiseMinutes, locale), topic: topic(notice.title, notice.url) });
    case "promise_catch_up":
      return [
        t("promise.catchUp", { count: notice.items.length }),
        ...notice.items.map(
          (item) =>
            `• ${topic(item.title, item.url)}: ${item.missed ? t("promise.catchUpMissed") : t("promise.catchUpLeft", { left: durationText(item.leftMinutes, locale) })}`,
        ),
      ].join("\n");
  }
}
