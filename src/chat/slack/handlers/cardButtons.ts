// Buttons on a question card: Claim, Release, Answer (opens the form), Not for us (asks why).
// Ack first; modals must open right after, while the click's trigger_id is still valid (3 s).
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { claimQuestion, releaseQuestion } from "../../../core/claims";
import { prepareAnswer } from "../../../core/answers";
import { actorEmployee, localeOf } from "../../../core/accounts";
import { findCard } from "../../../core/cards";
import { COMMAND_PREFIX, translator } from "../../../i18n";
import { claimReply, releaseReply } from "../../shared/cardReplies";
import { CARD_ACTIONS } from "../presenters/questionCard";
import { answerModal, notLinkedModal, passOnModal, type ModalContext } from "../presenters/modals";
import { escapeMrkdwn } from "../presenters/mrkdwn";
import { blockActionBody, cardButtonValue, parseJsonWith } from "./payloads";
import type { SlackHandlerContext } from "./context";
import type { Employee } from "../../../core/kernel/model";

export interface Press {
  actor: { surface: "slack"; userId: string; displayName: string | null };
  at: { channelId: string; topicId: number };
  context: ModalContext;
  triggerId: string;
}

/** Who pressed which card control where; null when the payload is not one of our cards'. */
export function readPress(body: unknown, value: string | undefined): Press | null {
  const parsed = blockActionBody.safeParse(body);
  const button = parseJsonWith(cardButtonValue, value);
  if (!parsed.success || !button) return null;
  const channelId = parsed.data.channel?.id ?? parsed.data.container?.channel_id;
  const messageTs = parsed.data.container?.message_ts;
  if (!channelId || !messageTs) return null;
  const user = parsed.data.user;
  return {
    actor: { surface: "slack", userId: user.id, displayName: user.name ?? user.username ?? null },
    at: { channelId, topicId: button.topicId },
    context: { topicId: button.topicId, channelId, messageTs },
    triggerId: parsed.data.trigger_id,
  };
}

export async function tell(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: "ephemeral", replace_original: false, text });
}

export function registerCardButtons(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;
  const onPress = (actionId: string, run: (press: Press, respond: RespondFn, client: WebClient) => Promise<void>) =>
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, respond, client }) => {
      await ack();
      const press = readPress(body, action.value);
      if (!press) {
        ctx.logger.warn({ actionId }, "card button with an unexpected payload");
        return;
      }
      await run(press, respond, client);
    });
  /** A press whose handler needs the presser (their language, their claim), read once here. */
  const on = (actionId: string, run: (press: Press, employee: Employee, locale: string, respond: RespondFn, client: WebClient) => Promise<void>) =>
    onPress(actionId, async (press, respond, client) => {
      const employee = await actorEmployee(deps, press.actor);
      await run(press, employee, localeOf(deps, employee), respond, client);
    });

  const style = (locale: string) => ({ locale, timezone: deps.settings.timezone, escape: escapeMrkdwn, cmd: COMMAND_PREFIX.slack });

  on(CARD_ACTIONS.claim, async (press, employee, locale, respond) => {
    await tell(respond, claimReply(await claimQuestion(deps, { surface: "slack", employee }, press.at), style(locale)));
  });

  on(CARD_ACTIONS.release, async (press, employee, locale, respond) => {
    await tell(respond, releaseReply(await releaseQuestion(deps, { surface: "slack", employee }, press.at), style(locale)));
  });

  // The form reads the presser itself (are they linked?), before a modal that must open within the trigger's 3 s.
  onPress(CARD_ACTIONS.answer, async (press, respond, client) => {
    const form = await prepareAnswer(deps, press.actor, press.at);
    const t = translator(form.locale);
    if (form.status === "not_linked") {
      await client.views.open({ trigger_id: press.triggerId, view: notLinkedModal(form.locale) });
      return;
    }
    if (form.status !== "ready") return tell(respond, t(`claim.${form.status}`));
    await client.views.open({
      trigger_id: press.triggerId,
      view: answerModal({
        context: press.context,
        title: form.title,
        excerpt: form.excerpt,
        username: form.username,
        locale: form.locale,
        canDraft: form.canDraft,
      }),
    });
  });

  on(CARD_ACTIONS.pass, async (press, _employee, locale, respond, client) => {
    const found = await findCard(deps, { surface: "slack", ...press.at });
    if (!found) return tell(respond, translator(locale)("claim.not_found"));
    await client.views.open({ trigger_id: press.triggerId, view: passOnModal({ context: press.context, title: found.question.title, locale }) });
  });
}
