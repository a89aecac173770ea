// The offer of a thread reply as an answer (Publish, Edit first, Not an answer) and "Link my community account".
// Each acts for the person Slack signed the click for: a draft is only its author's to publish or dismiss.
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import { dismissDraft, draftForEdit, publishDraft, returnToDrafts } from "../../../core/answers";
import { actorEmployee, localeOf, startLink } from "../../../core/accounts";
import { translator } from "../../../i18n";
import { draftRefusalText } from "../../shared/replyDraftText";
import { DRAFT_ACTIONS, LINK_START } from "../presenters/notice";
import { answerModal, linkStartedModal } from "../presenters/modals";
import { escapeMrkdwn, mrkdwn, plain } from "../presenters/mrkdwn";
import { slackMarkup } from "../presenters/slackMarkup";
import type { DraftRefusal } from "../../../core/answers";
import type { SlackHandlerContext } from "./context";

const actorOf = (body: BlockAction) => ({ surface: "slack", userId: body.user.id, displayName: body.user.name ?? null });

/** The offer replaced by what became of it (only its author sees the offer, so only they see this). */
const settle = (respond: RespondFn, text: string) => respond({ replace_original: true, text });

/** A refusal: "link first" keeps the offer's place with the link button; anything else says why. */
async function refuse(respond: RespondFn, problem: DraftRefusal, locale: string): Promise<void> {
  const text = draftRefusalText(problem, locale, slackMarkup);
  // Someone else's draft: their offer stays as it is; the clicker alone is told.
  if (problem === "not_yours") return void (await respond({ response_type: "ephemeral", replace_original: false, text }));
  if (problem !== "not_linked") return void (await settle(respond, text));
  await respond({
    replace_original: false,
    response_type: "ephemeral",
    text,
    blocks: [
      { type: "section", text: mrkdwn(escapeMrkdwn(text)) },
      {
        type: "actions",
        elements: [{ type: "button", action_id: LINK_START, style: "primary", text: plain(translator(locale)("link.start")), value: "link" }],
      },
    ],
  });
}

export function registerDraftButtons(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;

  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.publish, async ({ ack, body, action, respond }) => {
    await ack();
    const result = await publishDraft(deps, actorOf(body), action.value ?? "");
    if (!result.ok) return refuse(respond, result.problem, result.locale);
    await settle(respond, translator(result.locale)("replyDraft.sent", { username: escapeMrkdwn(result.username) }));
  });

  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.dismiss, async ({ ack, body, action, respond }) => {
    await ack();
    const result = await dismissDraft(deps, actorOf(body), action.value ?? "");
    if (!result.ok) return refuse(respond, result.problem, result.locale);
    await settle(respond, translator(result.locale)("replyDraft.dismissed"));
  });

  // Edit first: the answer form, with the reply's text in it; its submit is the draft's one answer too.
  app.action<BlockAction<ButtonAction>>(DRAFT_ACTIONS.edit, async ({ ack, body, action, respond, client }) => {
    await ack();
    const actor = actorOf(body);
    const found = await draftForEdit(deps, actor, action.value ?? "");
    if (!found.ok) return refuse(respond, found.problem, found.locale);
    const { form } = found;
    if (!found.messageRef) return refuse(respond, "not_found", form.locale);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: answerModal({
        context: { topicId: found.topicId, channelId: found.channelId, messageTs: found.messageRef, draftId: found.draft.id },
        title: form.title,
        excerpt: form.excerpt,
        username: form.username,
        locale: form.locale,
        canDraft: form.canDraft,
        text: found.draft.body,
      }),
    });
  });

  // "Link my community account": the usual consent flow; already linked, the person's drafts come back at once.
  app.action<BlockAction<ButtonAction>>(LINK_START, async ({ ack, body, respond, client }) => {
    await ack();
    const actor = actorOf(body);
    const started = await startLink(deps, actor);
    const locale = localeOf(deps, await actorEmployee(deps, actor));
    const t = translator(locale, slackMarkup.cmd);
    if (started.status === "already_linked") await returnToDrafts(deps, actor);
    const text = started.status === "already_linked" ? t("link.already", { username: escapeMrkdwn(started.username) }) : t("link.lookingUp");
    // Pressed in the "link first" modal (no response_url there): the modal says what happens next.
    if (body.view && !body.response_url) await client.views.update({ view_id: body.view.id, view: linkStartedModal(locale, text) });
    else await respond({ response_type: "ephemeral", replace_original: false, text });
  });
}
