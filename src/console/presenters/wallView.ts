// The office screen: a page of its own (no navigation, no forms), in large type for a TV across the room, that
// reloads itself every minute (a meta refresh: no script). People who hide their names are "a colleague".
import type { TFunction } from "i18next";
import type { WallView } from "../../core/wall";
import { boardTable } from "./boardTable";
import { html, type Html } from "./html";

/** Seconds between reloads: the leaderboard moves with answers, not by the second. */
export const WALL_REFRESH_SECONDS = 60;

export interface WallModel {
  locale: string;
  /** The console's path, for its stylesheet. */
  base: string;
  wall: WallView;
  money(cents: number): string;
  ago(at: Date): string;
}

export function wallView(t: TFunction, model: WallModel): Html {
  const { wall } = model;
  return html`<!doctype html>
    <html lang="${model.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="refresh" content="${WALL_REFRESH_SECONDS}" />
        <meta name="robots" content="noindex" />
        <title>${wall.label} · Advocate</title>
        <link rel="stylesheet" href="${model.base}/static/console.css" />
      </head>
      <body class="wall">
        <main id="main">
          <h1>${wall.label}</h1>
          <div class="wall-parts">${leaders(t, wall)} ${donations(t, model)} ${story(t, model)}</div>
        </main>
      </body>
    </html> `;
}

function leaders(t: TFunction, wall: WallView): Html {
  return html`<section aria-labelledby="wall-month">
    <h2 id="wall-month">${t("console.wall.month")}</h2>
    ${wall.month.length === 0 ? html`<p>${t("console.wall.noPoints")}</p>` : boardTable(t, wall.month)}
  </section>`;
}

function donations(t: TFunction, model: WallModel): Html {
  const { donations: given } = model.wall;
  return html`<section aria-labelledby="wall-donations">
    <h2 id="wall-donations">${t("console.wall.donations", { quarter: given.quarter })}</h2>
    <p class="wall-figure">${model.money(given.dueCents)}</p>
    <p>${t("console.wall.fromPoints", { points: given.points })}</p>
    ${
      given.perCharity.length > 0 &&
      html`<ul class="wall-charities">
        ${given.perCharity.map((line) => html`<li>${line.charity}: ${model.money(line.dueCents)}</li>`)}
      </ul>`
    }
  </section>`;
}

function story(t: TFunction, model: WallModel): Html {
  const { story: latest } = model.wall;
  return html`<section aria-labelledby="wall-story">
    <h2 id="wall-story">${t("console.wall.story")}</h2>
    ${
      latest === null
        ? html`<p>${t("console.wall.noStory")}</p>`
        : html`<p class="wall-reason">${t(`story.reason.${latest.reason}`)}</p>
            <p><strong>${latest.title}</strong></p>
            <figure>
              <blockquote>${latest.quote || latest.title}</blockquote>
              <figcaption>${latest.customer ?? t("story.aCustomer")}</figcaption>
            </figure>
            <p>${t(`story.outcome.${latest.outcome}`, { name: latest.helper ?? t("story.someone") })} · ${model.ago(latest.answeredAt)}</p>`
    }
  </section>`;
}
