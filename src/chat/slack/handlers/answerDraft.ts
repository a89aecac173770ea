// "Draft with AI" in the answer modal: ack at once, show that it is working, then put the draft in the answer
// field (with its sources) or say why there is none. The employee edits and submits it as ever.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { z } from "zod";
import { prepareAnswer } from "../../../core/answers";
import { draftAnswer } from "../../../core/ai";
import { translator } from "../../../i18n";
import { DRAFT_ACTION, answerModal, type AnswerModalContext } from "../presenters/modals";
import { answerModalContext, parseJsonWith } from "./payloads";
import type { SlackHandlerContext } from "./context";

const draftClick = z.object({
  user: z.object({ id: z.string(), name: z.string().optional() }),
  view: z.object({ id: z.string(), private_metadata: z.string() }),
});

export function registerAnswerDraft(app: App, ctx: SlackHandlerContext): void {
  const { deps } = ctx;

  app.action<BlockAction<ButtonAction>>(DRAFT_ACTION, async ({ ack, body, client }) => {
    await ack();
    const click = draftClick.safeParse(body);
    const context = click.success ? parseJsonWith(answerModalContext, click.data.view.private_metadata) : null;
    if (!click.success || !context) {
      ctx.logger.warn({ actionId: DRAFT_ACTION }, "draft button with an unexpected payload");
      return;
    }
    const actor = { surface: "slack", userId: click.data.user.id, displayName: click.data.user.name ?? null };
    const at = { channelId: context.channelId, topicId: context.topicId };
    const form = await prepareAnswer(deps, actor, at);
    if (form.status !== "ready") return;
    const t = translator(form.locale);
    const show = (next: AnswerModalContext, extra: Pick<Parameters<typeof answerModal>[0], "draft" | "note">) =>
      client.views.update({
        view_id: click.data.view.id,
        view: answerModal({
          context: next,
          title: form.title,
          excerpt: form.excerpt,
          username: form.username,
          locale: form.locale,
          canDraft: form.canDraft,
          ...extra,
        }),
      });
    await show(context, { note: t("draft.working") });
    const result = await draftAnswer(deps, form.question);
    if (!result.ok) {
      await show(context, { note: t(`draft.failed.${result.reason}`) });
      return;
    }
    await show({ ...context, drafts: (context.drafts ?? 0) + 1 }, { draft: { text: result.draft, sources: result.sources } });
  });
}
