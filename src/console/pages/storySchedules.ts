// Story schedules (admins): every channel's, and stopping one (the core's listStorySchedules and removeStorySchedule,
// checked and audited). Adding one stays in chat (`story every …` in the channel), where its channel is known.
import { channelNames } from "../../chat/shared/channelNames";
import { listStorySchedules, removeStorySchedule } from "../../core/stories";
import { commandPrefixOf, messageResponse, pageResponse } from "../pageFrame";
import { fromMarkup } from "../presenters/html";
import { htmlMarkup } from "../presenters/htmlMarkup";
import { storySchedulesView } from "../presenters/storySchedulesView";
import { CONSOLE_PATH, signedInRoute } from "../route";

const STORIES = `${CONSOLE_PATH}/stories`;

export const storySchedulesPage = signedInRoute({
  method: "GET",
  path: "/stories",
  access: "admin",
  nav: "console.nav.stories",
  async handle(request) {
    const { deps } = request.services;
    const { t } = request;
    const listed = await listStorySchedules(deps, request.session.principal);
    if (!listed.ok) return messageResponse(request, 403, t("console.forbidden.body"));
    // By channel, then as they were made.
    const schedules = [...listed.schedules].sort((a, b) => `${a.surface} ${a.channelId}`.localeCompare(`${b.surface} ${b.channelId}`) || a.id - b.id);
    const markup = htmlMarkup(commandPrefixOf(request), await channelNames(deps.store.addresses, schedules));
    const other = (surface: string) => t("rules.otherSurface", { surface });
    const removed = request.query.removed;
    const body = storySchedulesView(t, {
      schedules: schedules.map((schedule) => ({
        id: schedule.id,
        channel: fromMarkup(markup.channel(schedule, other)),
        days: schedule.days,
        time: schedule.time,
        timezone: schedule.timezone,
        removeAction: `${STORIES}/${schedule.id}/remove`,
      })),
      csrfToken: request.session.csrfToken,
      notice: removed && /^\d+$/.test(removed) ? t("console.stories.removed", { id: removed }) : null,
    });
    return pageResponse(request, t("console.stories.title"), body);
  },
});

export const removeStoryScheduleForm = signedInRoute({
  method: "POST",
  path: "/stories/:id/remove",
  access: "admin",
  async handle(request) {
    const { t } = request;
    const id = Number(request.params.id);
    const back = { href: STORIES, label: t("console.back") };
    if (!Number.isInteger(id) || id <= 0)
      return messageResponse(request, 400, t("errors.bad_story_id", { detail: request.params.id ?? "", cmd: commandPrefixOf(request) }), back);
    const removed = await removeStorySchedule(request.services.deps, request.session.principal, id);
    if (!removed.ok) return messageResponse(request, 403, t("console.forbidden.body"));
    if (!removed.removed) return messageResponse(request, 404, t("console.stories.notFound", { id }), back);
    return { kind: "redirect", to: `${STORIES}?removed=${id}` };
  },
});
