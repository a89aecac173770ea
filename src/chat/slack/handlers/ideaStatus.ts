// An idea's status from its card: the select opens the reply form for that status (the template in the customer's
// language), and its submission goes to the same core use case as Teams' dialog. What the form alone can tell
// goes back next to its field; otherwise the form is stored (one insert) before the ack and checked after it.
import type { App, BlockAction, StaticSelectAction } from "@slack/bolt";
import { checkIdeaForm, prepareIdeaStatus, receiveIdeaStatus } from "../../../core/ideas";
import { actorEmployee, localeOf } from "../../../core/accounts";
import { translator } from "../../../i18n";
import { IDEA_FIELD_OF_PROBLEM, ideaTemplate } from "../../shared/ideaText";
import { CARD_ACTIONS } from "../presenters/questionCard";
import { IDEA_MODAL, ideaModal, notLinkedModal } from "../presenters/modals";
import { ideaChoice, ideaModalContext, ideaValues, parseJsonWith, consented } from "./payloads";
import { readPress, tell } from "./cardButtons";
import type { SlackHandlerContext } from "./context";

export function registerIdeaStatus(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;

  app.action<BlockAction<StaticSelectAction>>(CARD_ACTIONS.idea, async ({ ack, body, action, respond, client }) => {
    await ack();
    const value = action.selected_option?.value;
    const press = readPress(body, value);
    const choice = parseJsonWith(ideaChoice, value);
    if (!press || !choice) {
      ctx.logger.warn({ actionId: CARD_ACTIONS.idea }, "idea status select with an unexpected payload");
      return;
    }
    const form = await prepareIdeaStatus(deps, press.actor, press.at);
    if (form.status === "not_linked") {
      await client.views.open({ trigger_id: press.triggerId, view: notLinkedModal(form.locale) });
      return;
    }
    if (form.status !== "ready") return tell(respond, translator(form.locale)(`idea.errors.${form.status}`));
    await client.views.open({
      trigger_id: press.triggerId,
      view: ideaModal({
        context: { ...press.context, status: choice.status },
        title: form.title,
        template: ideaTemplate(choice.status, form.language),
        username: form.username,
        locale: form.locale,
      }),
    });
  });

  app.view(IDEA_MODAL, async ({ ack, view, body }) => {
    const actor = { surface: "slack", userId: body.user.id, displayName: body.user.name ?? null };
    const context = parseJsonWith(ideaModalContext, view.private_metadata);
    const t = translator(context?.locale ?? localeOf(deps, await actorEmployee(deps, actor)));
    const values = ideaValues.safeParse(view.state.values);
    if (!context || !values.success) {
      await ack({ response_action: "errors", errors: { reply: t("answerModal.errors.invalid") } });
      return;
    }
    const form = {
      channelId: context.channelId,
      topicId: context.topicId,
      status: context.status,
      body: values.data.reply.reply_text.value ?? "",
      reason: values.data.reason?.reason_text.value ?? "",
      consent: consented(values.data.consent),
      // A double click submits the same view twice: the view id makes it one update.
      submissionKey: `slack:${view.id}`,
    };
    // What the form alone can tell stays in the form; the rest is checked after the ack (a refusal comes as a DM).
    const problem = checkIdeaForm(form);
    if (problem) {
      await ack({ response_action: "errors", errors: { [IDEA_FIELD_OF_PROBLEM[problem]]: t(`idea.errors.${problem}`) } });
      return;
    }
    await receiveIdeaStatus(deps, actor, form);
    await ack();
  });
}
