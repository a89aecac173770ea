// Every channel's story schedules: where (the channel, named where Advocate knows it), which days, what time in
// which timezone, and a button that stops one.
import type { TFunction } from "i18next";
import { html, type Html } from "./html";
import { wideTable } from "./wideTable";

export interface ScheduleRow {
  id: number;
  channel: Html;
  days: string[];
  time: string;
  timezone: string;
  removeAction: string;
}

export interface StorySchedulesModel {
  schedules: ScheduleRow[];
  csrfToken: string;
  notice: string | null;
}

export function storySchedulesView(t: TFunction, model: StorySchedulesModel): Html {
  return html`${model.notice && html`<p class="message" role="status">${model.notice}</p>`}
    <p>${t("console.stories.intro")}</p>
    ${
      model.schedules.length === 0
        ? html`<p>${t("console.stories.none")}</p>`
        : wideTable(
            t("console.stories.title"),
            html`<table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">${t("console.stories.channel")}</th>
                  <th scope="col">${t("console.stories.days")}</th>
                  <th scope="col">${t("console.stories.time")}</th>
                  <th scope="col"><span class="visually-hidden">${t("console.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                ${model.schedules.map(
                  (schedule) =>
                    html`<tr>
                      <th scope="row">${schedule.id}</th>
                      <td>${schedule.channel}</td>
                      <td>${schedule.days.map((day) => t(`console.stories.weekDays.${day}`)).join(", ")}</td>
                      <td>${schedule.time} (${schedule.timezone})</td>
                      <td>
                        <form method="post" action="${schedule.removeAction}">
                          <input type="hidden" name="csrf" value="${model.csrfToken}" />
                          <button type="submit" class="secondary" aria-label="${t("console.stories.removeSchedule", { id: schedule.id })}">
                            ${t("console.stories.remove")}
                          </button>
                        </form>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )
    }`;
}
