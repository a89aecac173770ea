// A routing rule's form: its words as `route add` reads them, the channel it posts to, and two steps — Preview
// shows how many of the latest topics the rule would have matched, then Save (offered only with a preview) keeps it.
import type { TFunction } from "i18next";
import type { RulePreview } from "../../core/routing";
import { html, type Html } from "./html";

export interface RuleFormModel {
  /** The rule being edited; null for a new one. */
  id: number | null;
  words: string;
  surface: string;
  /** The channel it posts to: required for a new rule, blank in an edit to keep its channels. */
  channel: string;
  /** An edit's first channel: what `escalate:here` names when no channel is given. */
  home: string;
  surfaces: readonly string[];
  csrfToken: string;
  previewAction: string;
  saveAction: string;
  preview: RulePreview | null;
  /** Why the words were turned down, in chat's words. */
  problem: string | null;
}

export function ruleFormView(t: TFunction, model: RuleFormModel): Html {
  const { preview } = model;
  const selected = (on: boolean) => (on ? html` selected` : "");
  return html`${model.problem && html`<p class="message problem" role="alert">${model.problem}</p>`}
    ${
      preview &&
      html`<section aria-labelledby="preview" class="preview" role="status">
        <h2 id="preview">${t("console.routing.previewTitle")}</h2>
        <p>${t("console.routing.previewMatched", { matched: preview.matched, lookedAt: preview.lookedAt })}</p>
        ${
          preview.examples.length > 0 &&
          html`<ul>
            ${preview.examples.map((example) => html`<li><a href="${example.url}">${example.title}</a></li>`)}
          </ul>`
        }
      </section>`
    }
    <form method="post" action="${model.previewAction}" class="stacked">
      <input type="hidden" name="csrf" value="${model.csrfToken}" />
      ${model.id !== null && html`<input type="hidden" name="id" value="${model.id}" /><input type="hidden" name="home" value="${model.home}" />`}
      <label for="rule-words">${t("console.routing.words")}</label>
      <input id="rule-words" name="words" value="${model.words}" required maxlength="1000" aria-describedby="rule-words-hint" />
      <p id="rule-words-hint" class="hint">${t("console.routing.wordsHint")}</p>
      <label for="rule-surface">${t("console.routing.surface")}</label>
      <select id="rule-surface" name="surface">
        ${model.surfaces.map((surface) => html`<option value="${surface}" ${selected(surface === model.surface)}>${t(`console.surfaces.${surface}`)}</option>`)}
      </select>
      <label for="rule-channel">${t("console.routing.channel")}</label>
      <input id="rule-channel" name="channel" value="${model.channel}" maxlength="200" aria-describedby="rule-channel-hint" />
      <p id="rule-channel-hint" class="hint">${t(model.id === null ? "console.routing.channelHint" : "console.routing.channelKeepHint")}</p>
      <p class="actions">
        <button type="submit">${t("console.routing.preview")}</button>
        ${preview && html`<button type="submit" formaction="${model.saveAction}">${t("console.routing.save")}</button>`}
      </p>
    </form>`;
}
