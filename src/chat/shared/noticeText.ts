// Words of direct messages that both surfaces write the same way; each surface only draws them.
import { translator } from "../../i18n";
import type { Markup } from "./markup";
import type { Notice } from "../../core/ports/views/notice";

/**
 * Words that did not go out: the community refused an answer, an edit or withdrawal of one, or an idea status, or a
 * form was refused after its ack. Unescaped.
 */
export function undeliveredText(
  notice: Extract<Notice, { type: "answer_failed" | "answer_refused" | "answer_change_failed" | "idea_status_failed" | "idea_status_refused" }>,
  locale: string,
  markup: Pick<Markup, "cmd">,
): string {
  const t = translator(locale, markup.cmd);
  switch (notice.type) {
    case "answer_failed":
      return t("notice.failed", { title: notice.title, reason: notice.reason });
    case "answer_change_failed":
      return t(`answerChange.failed.${notice.change}`, { title: notice.title, reason: notice.reason });
    case "idea_status_failed":
      return t("idea.failed", { title: notice.title, reason: notice.reason });
    case "answer_refused":
      return t("notice.refused", { reason: t(`answerModal.errors.${notice.problem}`) });
    case "idea_status_refused":
      return t("idea.refused", { reason: t(`idea.errors.${notice.problem}`) });
  }
}

/** An idea status is public: points, status and title, and the tag's problem if it could not be set. Unescaped. */
export function ideaPublishedText(notice: Extract<Notice, { type: "idea_status_published" }>, locale: string): string {
  const t = translator(locale);
  const text = t("idea.published", { points: notice.points, status: t(`idea.status.${notice.status}`), title: notice.title });
  return notice.tagProblem ? `${text} ${t("idea.publishedNoTag", { reason: notice.tagProblem })}` : text;
}

/** The customer wrote again after an answer: who, on what, their words, and the answerer asked to pick it up. */
export function customerFollowUpText(notice: Extract<Notice, { type: "customer_follow_up" }>, locale: string, markup: Markup): string {
  const t = translator(locale, markup.cmd);
  const said = t("notice.customerFollowUp", {
    customer: markup.escape(notice.customer),
    title: markup.link(notice.url, notice.title),
    excerpt: markup.escape(notice.excerpt),
  });
  return notice.answerer ? `${said}\n${t("notice.customerFollowUpTo", { person: markup.person(notice.answerer) })}` : said;
}

/** A new question about a topic the employee follows: the topic escaped, the title linked. */
export function followedQuestionText(notice: Extract<Notice, { type: "followed_question" }>, locale: string, markup: Markup): string {
  return translator(locale, markup.cmd)("follow.question", { topic: markup.escape(notice.topic), title: markup.link(notice.url, notice.title) });
}

/** Two chat identities became one person: that, the link they post as, and what was kept of two. Unescaped. */
export function identityMergedText(notice: Extract<Notice, { type: "identity_merged" }>, locale: string): string {
  const t = translator(locale);
  return [
    t("identity.merged"),
    ...(notice.linkedAs ? [t("identity.linkedAs", { username: notice.linkedAs })] : []),
    ...notice.conflicts.map((conflict) => t(`identity.conflict.${conflict.kind}`, { kept: conflict.kept, dropped: conflict.dropped })),
  ].join("\n");
}
