// The words of a customer story card and of the `story` command's replies, for every surface.
import type { StorySchedule } from "../../core/kernel/model";
import type { StoryReply } from "../../core/stories";
import { WEEK_DAYS } from "../../core/stories";
import { normalizeLocale, timeAgo, translator } from "../../i18n";
import type { Markup } from "./markup";
import type { StoryView } from "../../core/ports/views/storyView";

/** A story card's parts, formatted with the surface's markup; presenters only lay them out. */
export interface StoryCardText {
  /** Plain text for notifications and screen readers. */
  fallback: string;
  heading: string;
  reason: string;
  /** "Marieke wrote, 3 days ago:" */
  asked: string;
  /** The customer's own words, escaped: presenters set them off as a quote. */
  quote: string;
  /** What happened and who helped, with the link to the thread. */
  outcome: string;
  discussTitle: string;
  prompt: string;
}

export function storyCardText(view: StoryView, markup: Markup): StoryCardText {
  const t = translator(view.locale, markup.cmd);
  const outcome = [
    t(`story.outcome.${view.outcome}`, { name: markup.escape(view.helper ?? t("story.someone")) }),
    view.closed ? t("story.closed") : null,
    markup.link(view.replyUrl ?? view.url, t("story.readThread")),
  ];
  return {
    fallback: t("story.fallback", { title: view.title }),
    heading: t("story.heading"),
    reason: `${t(`story.reason.${view.reason}`)} · ${markup.link(view.url, view.title)}`,
    asked: t("story.asked", { customer: markup.escape(view.customer ?? t("story.aCustomer")), ago: timeAgo(view.postedAt, view.now, view.locale) }),
    quote: markup.escape(view.quote || view.title),
    outcome: outcome.filter(Boolean).join(" · "),
    discussTitle: t("story.discuss"),
    prompt: t(`story.prompt.${view.promptIndex}`),
  };
}

/** "Mon, Wed at 09:00 (Europe/Amsterdam)" in the reader's language. */
export function describeSchedule(schedule: StorySchedule, locale: string): string {
  const t = translator(locale);
  return t("story.when", { days: describeDays(schedule.days, locale), time: schedule.time, timezone: schedule.timezone });
}

function describeDays(days: string[], locale: string): string {
  const t = translator(locale);
  if (days.length === WEEK_DAYS.length) return t("story.daily");
  if (days.join(",") === WEEK_DAYS.slice(0, 5).join(",")) return t("story.weekdays");
  // 2024-01-01 was a Monday: the day names come from Intl, in the reader's language.
  const name = new Intl.DateTimeFormat(normalizeLocale(locale), { weekday: "short", timeZone: "UTC" });
  return days.map((day) => name.format(Date.UTC(2024, 0, 1 + WEEK_DAYS.indexOf(day as (typeof WEEK_DAYS)[number])))).join(", ");
}

export function storyReplyText(reply: StoryReply, locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  const line = (schedule: StorySchedule) => `#${schedule.id} · ${describeSchedule(schedule, locale)}`;
  switch (reply.type) {
    case "story_shared":
      return reply.points > 0 ? `${t("story.shared")} ${t("story.earned", { points: reply.points })}` : t("story.shared");
    case "story_none":
      return t("story.none");
    case "story_scheduled":
      return t("story.scheduled", { id: reply.schedule.id, when: describeSchedule(reply.schedule, locale) });
    case "story_schedules":
      return reply.schedules.length ? [markup.bold(t("story.schedulesTitle")), ...reply.schedules.map(line)].join("\n") : t("story.noSchedules");
    case "story_stopped":
      if (reply.ids.length) return t("story.stopped", { ids: reply.ids.map((id) => `#${id}`).join(", ") });
      return reply.asked === null ? t("story.nothingToStop") : t("story.notFound", { id: reply.asked });
  }
}
