// Words of direct messages that both surfaces write the same way; each surface only draws them.
import type { Notice } from "../../core/outbox/messages";
import { translator } from "../../i18n";
import type { Markup } from "./markup";

/** Why an answer did not go out: the community refused it, or the form was refused after its ack. Unescaped. */
export function undeliveredAnswerText(notice: Extract<Notice, { type: "answer_failed" | "answer_refused" }>, locale: string, markup: Pick<Markup, "cmd">): string {
  const t = translator(locale, markup.cmd);
  return notice.type === "answer_failed" ? t("notice.failed", { title: notice.title, reason: notice.reason }) : t("notice.refused", { reason: t(`answerModal.errors.${notice.problem}`) });
}

/** A new question about a topic the employee follows: the topic escaped, the title linked. */
export function followedQuestionText(notice: Extract<Notice, { type: "followed_question" }>, locale: string, markup: Markup): string {
  return translator(locale, markup.cmd)("follow.question", { topic: markup.escape(notice.topic), title: markup.link(notice.url, notice.title) });
}
